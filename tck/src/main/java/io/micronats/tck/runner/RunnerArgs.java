package io.micronats.tck.runner;

import io.micronats.tck.Capability;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parsed command line of {@link TckMain}:
 * {@code --plugin NAME [--jar PATH]... [--capability NAME]... [--config key=value]...
 * [--seed N] [--timeout-multiplier X] [--thorough] --out DIR}; every option also as {@code --option=value}.
 *
 * <p>Immutable.
 *
 * @param plugin the plugin name its providers report
 * @param jars extra jars to load plugins from
 * @param capabilities the declared capabilities
 * @param config settings for every plugin instance
 * @param out the report directory
 * @param seed the random seed for the rules, or null for a fresh one
 * @param timeoutMultiplier the factor on every TCK timeout, or null for the environment's
 * @param thorough whether {@code --thorough} was given: sampling rules run their larger samples
 *     (the configuration parameter {@code micronats.tck.thorough=true})
 */
public record RunnerArgs(String plugin, List<Path> jars, Set<Capability> capabilities, Map<String, String> config, Path out,
    @Nullable Long seed, @Nullable Double timeoutMultiplier, boolean thorough) {

  /** The usage text. */
  public static final String USAGE = """
      Usage: micronats tck --plugin NAME [--jar PLUGIN.jar]... [--capability NAME]... [--config key=value]...
                           [--seed N] [--timeout-multiplier X] [--thorough] --out DIR
      Run every TCK rule against the plugin NAME found by ServiceLoader; write DIR/tck-report.json,
      DIR/tck-report.md and JUnit XML in DIR/junit/. Every option also takes the form --option=value.
        --plugin NAME              the plugin's name (what its providers' name() returns)
        --jar PLUGIN.jar           a jar to find the plugin in (repeatable)
        --capability NAME          a capability the plugin declares (repeatable)
        --config key=value         a setting for every plugin instance (repeatable)
        --seed N                   the rules' random seed (the report's rerun line gives the one used)
        --timeout-multiplier X     multiply every TCK timeout, for a slow machine (default 1)
        --thorough                 larger samples: catches a 1-in-10,000 defect (see the catalogue)
        --out DIR                  the report directory
        -h, --help                 this text
        -V, --version              the TCK version
      Exit status: 0 COMPATIBLE, 1 NOT_COMPATIBLE, 2 usage error.
        capabilities:\s""" + java.util.Arrays.toString(Capability.values());

  /** Arguments with the default seed, timeout multiplier and sample sizes. */
  public RunnerArgs(String plugin, List<Path> jars, Set<Capability> capabilities, Map<String, String> config, Path out) {
    this(plugin, jars, capabilities, config, out, null, null, false);
  }

  public RunnerArgs {
    jars = List.copyOf(jars);
    capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(capabilities);
    config = Map.copyOf(config);
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException with a message naming the bad argument
   */
  @SuppressWarnings("IncrementInForLoopAndHeader") // an option consumes its value: i++ in the body skips it
  public static RunnerArgs parse(String... args) {
    String plugin = null;
    Path out = null;
    Long seed = null;
    Double multiplier = null;
    List<Path> jars = new ArrayList<>();
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    Map<String, String> config = new LinkedHashMap<>();
    boolean thorough = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      int eq = arg.indexOf('=');
      boolean attached = arg.startsWith("--") && eq > 2;
      if (attached) {  // --option=value: the value is attached, consume one argument
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
        i--;
      }
      switch (arg) {
        case "--plugin" -> plugin = require(arg, value);
        case "--out" -> out = Path.of(require(arg, value));
        case "--jar" -> {
          Path jar = Path.of(require(arg, value));
          if (!jar.toFile().isFile()) {
            throw new IllegalArgumentException("--jar " + value + ": no such file");
          }
          jars.add(jar);
        }
        case "--capability" -> {
          String name = require(arg, value);
          try {
            caps.add(Capability.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--capability " + name + ": unknown; known: "
                + java.util.Arrays.toString(Capability.values()), e);
          }
        }
        case "--config" -> {
          String pair = require(arg, value);
          int at = pair.indexOf('=');
          if (at <= 0) {
            throw new IllegalArgumentException("--config " + pair + ": expected key=value");
          }
          config.put(pair.substring(0, at).trim(), pair.substring(at + 1).trim());
        }
        case "--seed" -> {
          String text = require(arg, value);
          try {
            seed = Long.parseLong(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed " + text + ": expected a whole number", e);
          }
        }
        case "--timeout-multiplier" -> {
          String text = require(arg, value);
          try {
            multiplier = Double.parseDouble(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--timeout-multiplier " + text + ": expected a number such as 3", e);
          }
          if (!(multiplier > 0) || multiplier.isInfinite()) {
            throw new IllegalArgumentException("--timeout-multiplier " + text + ": must be > 0");
          }
        }
        case "--thorough" -> {
          if (attached) {
            throw new IllegalArgumentException("--thorough takes no value");
          }
          thorough = true;
          i--; // a flag: it consumes no value
        }
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
      i++;
    }
    if (plugin == null || plugin.isBlank()) {
      throw new IllegalArgumentException("--plugin NAME is required");
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    return new RunnerArgs(plugin, jars, caps, config, out, seed, multiplier, thorough);
  }

  /** True when {@code args} asks for the usage text ({@code -h}, {@code --help}). */
  public static boolean wantsHelp(String... args) {
    return java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"));
  }

  /** True when {@code args} asks for the version ({@code -V}, {@code --version}). */
  public static boolean wantsVersion(String... args) {
    return java.util.Arrays.stream(args).anyMatch(a -> a.equals("-V") || a.equals("--version"));
  }

  private static String require(String option, @Nullable String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
