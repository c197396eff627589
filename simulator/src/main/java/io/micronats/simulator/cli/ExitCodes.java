package io.micronats.simulator.cli;

/**
 * The exit codes of every {@code micronats} simulator command.
 */
public final class ExitCodes {
  /** The command did what it was asked. */
  public static final int OK = 0;
  /** The run failed (a workload error, an unreachable cluster, an I/O error). */
  public static final int FAILURE = 1;
  /** Bad command-line arguments. */
  public static final int USAGE = 2;
  /** The scenario file is invalid; the message names the field. */
  public static final int INVALID_SCENARIO = 3;
  /** A component the command needs is not available (for example nats-server or the report renderer). */
  public static final int UNAVAILABLE = 4;
  /** Interrupted (Ctrl-C). */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
