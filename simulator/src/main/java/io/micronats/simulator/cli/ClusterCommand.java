package io.micronats.simulator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cluster}: groups the local-cluster commands ({@code cluster up}).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Local NATS clusters for trying things by hand.",
    subcommands = {ClusterUpCommand.class})
public final class ClusterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }
}
