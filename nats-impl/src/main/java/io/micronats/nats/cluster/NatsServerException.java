package io.micronats.nats.cluster;

import io.micronats.spi.MessagingException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A nats-server process could not be found, started, or did not become ready in time.
 *
 * <p>Carries what is needed to diagnose the failure without re-running it: the command line,
 * the process output captured so far, and the text of the config file. All three are also part of
 * {@link #getMessage()}. Immutable.
 */
public class NatsServerException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final List<String> commandLine;
  private final String output;
  private final String config;

  public NatsServerException(String message, List<String> commandLine, String output, String config,
      @Nullable Throwable cause) {
    super(message + describe(commandLine, output, config), cause);
    this.commandLine = List.copyOf(commandLine);
    this.output = output;
    this.config = config;
  }

  /** A failure with nothing to show but the message (for example no binary was found). */
  public NatsServerException(String message) {
    this(message, List.of(), "", "", null);
  }

  /** The command that was run, empty if none was. */
  public List<String> commandLine() {
    return commandLine;
  }

  /** The captured stdout and stderr of the process, empty if it produced none. */
  public String output() {
    return output;
  }

  /** The config file the server was given, empty if none was written. */
  public String config() {
    return config;
  }

  private static String describe(List<String> commandLine, String output, String config) {
    if (commandLine.isEmpty() && output.isEmpty() && config.isEmpty()) {
      return "";
    }
    return "\n--- command: " + String.join(" ", commandLine)
        + "\n--- output:\n" + tail(output)
        + "\n--- config:\n" + config;
  }

  private static String tail(String output) {
    int max = 8000;
    return output.length() <= max ? output : "...\n" + output.substring(output.length() - max);
  }
}
