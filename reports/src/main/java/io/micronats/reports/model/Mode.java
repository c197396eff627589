package io.micronats.reports.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The workload model of a phase: {@code "open"} (arrivals at a target rate, independent of
 * completions; latency from the intended send time) or {@code "closed"} (a fixed number of callers,
 * each waiting for its reply; a capacity measurement).
 *
 * <p>Immutable and thread-safe.
 */
public enum Mode {
  /** Rate-based arrivals; the phase has a target rate. */
  OPEN,
  /** A fixed number of callers in a loop; latency percentiles are "closed-loop". */
  CLOSED;

  /** The JSON spelling: {@code "open"} or {@code "closed"}. */
  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the JSON spelling, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code text} is neither
   */
  @JsonCreator
  public static Mode parse(String text) {
    for (Mode m : values()) {
      if (m.name().equalsIgnoreCase(text)) {
        return m;
      }
    }
    throw new IllegalArgumentException("mode must be \"open\" or \"closed\", was \"" + text + "\"");
  }
}
