package io.micronats.nats.internal;

import io.micronats.spi.plugin.PluginConfig;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link Json} reads at most, checked before or while parsing so that any text costs time
 * linear in its length, whatever a stranger puts in it. Each limit has a settings key, a default,
 * and a process-wide counter of texts it rejected ({@link #rejections()}).
 *
 * @param maxChars the longest text, in chars, refused before parsing starts ({@value #MAX_CHARS},
 *     default {@value #DEFAULT_MAX_CHARS}: the default NATS maximum payload)
 * @param maxDepth the deepest nesting of arrays and objects ({@value #MAX_DEPTH}, default
 *     {@value #DEFAULT_MAX_DEPTH})
 * @param maxNumberChars the longest number, sign, fraction and exponent included
 *     ({@value #MAX_NUMBER_CHARS}, default {@value #DEFAULT_MAX_NUMBER_CHARS}; Go's and Java's
 *     64-bit numbers need at most 25)
 */
public record JsonLimits(int maxChars, int maxDepth, int maxNumberChars) {

  /** Settings key of {@link #maxChars}. */
  public static final String MAX_CHARS = "json.max.chars";
  /** Settings key of {@link #maxDepth}. */
  public static final String MAX_DEPTH = "json.max.depth";
  /** Settings key of {@link #maxNumberChars}. */
  public static final String MAX_NUMBER_CHARS = "json.max.number.chars";
  /** Default of {@link #maxChars}. */
  public static final int DEFAULT_MAX_CHARS = 1024 * 1024;
  /** Default of {@link #maxDepth}. */
  public static final int DEFAULT_MAX_DEPTH = 64;
  /** Default of {@link #maxNumberChars}. */
  public static final int DEFAULT_MAX_NUMBER_CHARS = 64;

  private static final JsonLimits DEFAULTS = new JsonLimits(DEFAULT_MAX_CHARS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NUMBER_CHARS);
  static final LongAdder TOO_LONG = new LongAdder();
  static final LongAdder TOO_DEEP = new LongAdder();
  static final LongAdder NUMBER_TOO_LONG = new LongAdder();

  public JsonLimits {
    if (maxChars < 2 || maxDepth < 1 || maxNumberChars < 1) {
      throw new IllegalArgumentException("JSON limits must be positive (text at least 2 chars), were "
          + maxChars + " chars, depth " + maxDepth + ", numbers of " + maxNumberChars + " chars");
    }
  }

  /** The defaults. */
  public static JsonLimits defaults() {
    return DEFAULTS;
  }

  /** The limits in {@code config}, each key falling back to its default. */
  public static JsonLimits from(PluginConfig config) {
    return new JsonLimits(intSetting(config, MAX_CHARS, DEFAULT_MAX_CHARS),
        intSetting(config, MAX_DEPTH, DEFAULT_MAX_DEPTH),
        intSetting(config, MAX_NUMBER_CHARS, DEFAULT_MAX_NUMBER_CHARS));
  }

  /** How many texts each limit rejected in this process so far. */
  public static Rejections rejections() {
    return new Rejections(TOO_LONG.sum(), TOO_DEEP.sum(), NUMBER_TOO_LONG.sum());
  }

  /**
   * Counts of texts refused by each limit, process-wide.
   *
   * @param tooLong texts longer than {@code maxChars}
   * @param tooDeep texts nested deeper than {@code maxDepth}
   * @param numberTooLong texts holding a number longer than {@code maxNumberChars}
   */
  public record Rejections(long tooLong, long tooDeep, long numberTooLong) {}

  private static int intSetting(PluginConfig config, String key, int fallback) {
    long v = config.longValue(key, fallback);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("setting '" + key + "' must be between 1 and " + Integer.MAX_VALUE + ", was " + v);
    }
    return (int) v;
  }
}
