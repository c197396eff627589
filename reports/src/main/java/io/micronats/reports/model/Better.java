package io.micronats.reports.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which direction of a metric is an improvement: {@code "higher"} for rates, {@code "lower"} for
 * latencies and error counts.
 *
 * <p>Immutable and thread-safe.
 */
public enum Better {
  /** A larger value is better, for example a throughput. */
  HIGHER,
  /** A smaller value is better, for example a latency or an error count. */
  LOWER;

  /** Whether {@code candidate} is strictly better than {@code reference} in this direction. */
  public boolean isBetter(double candidate, double reference) {
    return this == HIGHER ? candidate > reference : candidate < reference;
  }

  /** The JSON spelling: {@code "higher"} or {@code "lower"}. */
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
  public static Better parse(String text) {
    for (Better b : values()) {
      if (b.name().equalsIgnoreCase(text)) {
        return b;
      }
    }
    throw new IllegalArgumentException("better must be \"higher\" or \"lower\", was \"" + text + "\"");
  }
}
