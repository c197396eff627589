package io.micronats.simulator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command: lists the subcommands.
 */
@Command(name = "micronats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Micro on NATS: load simulator, benchmarks and local clusters.",
    subcommands = {DemoCommand.class, SimulateCommand.class, BenchCommand.class, ReportCommand.class,
        ClusterCommand.class, JmhCommand.class, CommandLine.HelpCommand.class})
public final class MicronatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin LoggingOptions logging;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }
}
