package io.micronats.tck.env;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique topics, addresses and service names for one test, so that tests never see each other's
 * traffic, even on a shared backend or in repeated runs.
 *
 * <p>Thread-safe. Names are valid for every SPI name check: lower-case dot-separated tokens, no
 * wildcards, such as {@code tck.k3f9a2.trn005.7.echo}.
 */
public final class TestNames {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicLong COUNTER = new AtomicLong();

  private final String prefix;

  /** Names for the rule {@code ruleId}. */
  public TestNames(String ruleId) {
    this.prefix = "tck." + RUN + "." + ruleId.toLowerCase(Locale.ROOT).replace("-", "");
  }

  /** A new unique name ending in {@code what}. */
  public String unique(String what) {
    return prefix + "." + COUNTER.incrementAndGet() + "." + what;
  }
}
