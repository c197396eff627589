package io.micronats.simulator.cli;

import io.micronats.simulator.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Prints a command's failure as one clear line on the error stream (the stack trace only for
 * unexpected exceptions) and returns the mapped exit code. Stateless.
 */
final class ErrorPrinter implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    var err = cmd.getErr();
    if (ex instanceof CommandLine.ParameterException) {
      err.println(ex.getMessage());
      err.println("see: micronats " + cmd.getCommandName() + " --help");
    } else if (ex instanceof ScenarioException) {
      err.println("invalid scenario: " + ex.getMessage());
    } else if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
        || ex instanceof UnsupportedOperationException || ex instanceof java.io.IOException) {
      err.println("error: " + ex.getMessage());
    } else if (ex instanceof InterruptedException) {
      err.println("interrupted");
    } else {
      err.println("error: " + ex);
      ex.printStackTrace(err);
    }
    err.flush();
    CommandLine.IExitCodeExceptionMapper mapper = cmd.getExitCodeExceptionMapper();
    return mapper != null ? mapper.getExitCode(ex) : ExitCodes.FAILURE;
  }
}
