package io.micronats.simulator.fault;

import java.util.Arrays;

/**
 * A growable list of primitive longs with a hard size bound.
 *
 * <p>Not thread-safe: its owner synchronises.
 */
final class LongList {
  private long[] values = new long[64];
  private int size;
  private final int max;

  LongList(int max) {
    this.max = max;
  }

  /** Appends; false when the bound is reached (nothing stored). */
  boolean add(long v) {
    if (size == max) {
      return false;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.min(max, values.length * 2));
    }
    values[size++] = v;
    return true;
  }

  /** Sets index {@code i}, growing with {@code fill} values as needed; false beyond the bound. */
  boolean set(int i, long v, long fill) {
    if (i >= max) {
      return false;
    }
    while (size <= i) {
      add(fill);
    }
    values[i] = v;
    return true;
  }

  long get(int i) {
    return values[i];
  }

  int size() {
    return size;
  }

  /** How many values lie in [from, to). */
  long countBetween(long from, long to) {
    long n = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] >= from && values[i] < to) {
        n++;
      }
    }
    return n;
  }
}
