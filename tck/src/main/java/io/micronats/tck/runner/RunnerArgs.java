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
 * {@code --plugin NAME [--jar PATH]... [--capability NAME]... [--config key=value]... --out DIR}.
 *
 * <p>Immutable.
 *
 * @param plugin the plugin name its providers report
 * @param jars extra jars to load plugins from
 * @param capabilities the declared capabilities
 * @param config settings for every plugin instance
 * @param out the report directory
 */
public record RunnerArgs(String plugin, List<Path> jars, Set<Capability> capabilities, Map<String, String> config, Path out) {

  /** The usage text. */
  public static final String USAGE = "usage: tck --plugin NAME [--jar PATH]... [--capability NAME]... "
      + "[--config key=value]... --out DIR\n  capabilities: " + java.util.Arrays.toString(Capability.values());

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
    List<Path> jars = new ArrayList<>();
    Set<Capability> caps = EnumSet.noneOf(Capability.class);
    Map<String, String> config = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
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
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--config " + pair + ": expected key=value");
          }
          config.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
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
    return new RunnerArgs(plugin, jars, caps, config, out);
  }

  private static String require(String option, @Nullable String value) {
    if (value == null || value.startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
