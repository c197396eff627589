package io.micronats.simulator.cli;

import io.micronats.simulator.jmh.JmhLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code jmh [JMH ARGS]}: runs the JMH micro-benchmarks of the hot paths (message encoding, registry cache
 * lookup, selector, in-memory round trip). Every argument that is not one of this command's own
 * options goes to JMH as on its own command line ({@code -f 1 -wi 1 -i 1 -r 1s .*Selector.*}) and
 * wins over this command's defaults. Never part of the test suite.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run the JMH benchmarks of the hot paths and write DIR/jmh.json.",
        "Other arguments are JMH's own (java -jar benchmarks.jar -h lists them), e.g.",
        "  jmh -f 1 -wi 1 -i 1 -r 1s '.*Selector.*'",
        "and win over the defaults (1 fork, 3 warm-ups and 5 iterations of 2 s, 1 thread)."})
public final class JmhCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--include", defaultValue = "io.micronats.simulator.jmh.*",
      description = "Regular expression of benchmarks to run when JMH ARGS name none (default: ${DEFAULT-VALUE}).")
  String include;

  @Option(names = "--quick", description = "1 fork, 1 short warm-up and 2 short iterations: a smoke run, not a measurement.")
  boolean quick;

  @Option(names = "--out", defaultValue = "target/jmh", paramLabel = "DIR", description = "Directory for jmh.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Unmatched List<String> jmhArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    int count;
    try {
      count = JmhLauncher.run(include, quick, jmhArgs, out, spec.commandLine().getOut());
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return count > 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
