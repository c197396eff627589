package io.micronats.simulator.cli;

import io.micronats.simulator.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Maps the exceptions a command lets escape to {@link ExitCodes}. Stateless.
 */
public final class ExitCodeMapper implements CommandLine.IExitCodeExceptionMapper {
  @Override
  public int getExitCode(Throwable exception) {
    if (exception instanceof ScenarioException) {
      return ExitCodes.INVALID_SCENARIO;
    }
    if (exception instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (exception instanceof InterruptedException) {
      return ExitCodes.INTERRUPTED;
    }
    if (exception instanceof UnsupportedOperationException) {
      return ExitCodes.UNAVAILABLE;
    }
    return ExitCodes.FAILURE;
  }
}
