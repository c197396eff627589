package io.micronats.simulator.cli;

import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run something and print progress.
 */
public final class OutputOptions {
  @Option(names = {"-q", "--quiet"}, description = "Print only the summary, no progress lines.")
  boolean quiet;

  @Option(names = "--no-histogram-logs", negatable = false,
      description = "Do not write raw interval histogram logs (*.hlog).")
  boolean noHistogramLogs;
}
