package io.micronats.tck.runner;

import java.nio.file.Path;
import java.util.Map;

/**
 * The command line that reruns a TCK run exactly: the same plugin, jars (absolute), capabilities,
 * configuration, seed, timeout multiplier and sample mode. Stateless.
 */
public final class RerunCommand {
  private RerunCommand() {}

  /** {@code ./micronats tck ...} for {@code args} with the seed the run used. */
  public static String of(RunnerArgs args, long seed, double timeoutMultiplier) {
    StringBuilder b = new StringBuilder("./micronats tck --plugin ").append(quote(args.plugin()));
    for (Path jar : args.jars()) {
      b.append(" --jar ").append(quote(jar.toAbsolutePath().normalize().toString()));
    }
    args.capabilities().stream().sorted().forEach(c -> b.append(" --capability ").append(c.name()));
    for (Map.Entry<String, String> e : args.config().entrySet()) {
      b.append(" --config ").append(quote(e.getKey() + "=" + e.getValue()));
    }
    b.append(" --seed ").append(seed);
    if (timeoutMultiplier != 1.0) {
      b.append(" --timeout-multiplier ").append(timeoutMultiplier);
    }
    if (args.thorough()) {
      b.append(" --thorough");
    }
    b.append(" --out ").append(quote(args.out().toString()));
    return b.toString();
  }

  /** A shell word: as is when it is plain, else in single quotes. */
  static String quote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,@%+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
