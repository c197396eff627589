package io.micronats.simulator.cli;

import picocli.CommandLine;

/**
 * The simulator's entry point: {@code java -cp ... io.micronats.simulator.cli.Main SUBCOMMAND ...}
 * (what {@code ./micronats demo|simulate|bench|report|cluster|jmh} runs).
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    String bad = LoggingOptions.check(args);
    if (bad != null) {
      System.err.println("micronats: " + bad);
      System.exit(ExitCodes.USAGE);
    }
    LoggingOptions.apply(args);  // before any logger exists
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: root command, exit-code mapping and error printing. */
  public static CommandLine commandLine() {
    return new CommandLine(new MicronatsCommand())
        .setExitCodeExceptionMapper(new ExitCodeMapper())
        .setExecutionExceptionHandler(new ErrorPrinter())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
