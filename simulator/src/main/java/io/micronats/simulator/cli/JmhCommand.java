package io.micronats.simulator.cli;

import io.micronats.simulator.jmh.JmhLauncher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jmh}: runs the JMH micro-benchmarks of the hot paths (message encoding, registry cache
 * lookup, selector, in-memory round trip). Never part of the test suite.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Run the JMH benchmarks of the hot paths and write DIR/jmh.json.")
public final class JmhCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--include", defaultValue = "io.micronats.simulator.jmh.*",
      description = "Regular expression of benchmarks to run (default: ${DEFAULT-VALUE}).")
  String include;

  @Option(names = "--quick", description = "1 fork, 1 short warm-up and 2 short iterations: a smoke run, not a measurement.")
  boolean quick;

  @Option(names = "--out", defaultValue = "target/jmh", paramLabel = "DIR", description = "Directory for jmh.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    int count = JmhLauncher.run(include, quick, out, spec.commandLine().getOut());
    return count > 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
