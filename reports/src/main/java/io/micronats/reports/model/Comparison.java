package io.micronats.reports.model;

/**
 * One metric of a run next to the same metric of its baseline (for example micronats RPC over
 * NATS against a raw jnats request/reply in the same run), with {@code ratio = ours / raw}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Comparison c = Comparison.of("rpc p99", 812.0, 640.0, "us", Better.LOWER);
 * }</pre>
 *
 * @param name what is compared, for example {@code "rpc p99"}
 * @param ours the value measured through micronats
 * @param raw the baseline's value
 * @param ratio {@code ours / raw}
 * @param unit the unit of {@code ours} and {@code raw}, for example {@code "us"} or {@code "req/s"}
 * @param better which direction is an improvement
 */
public record Comparison(String name, double ours, double raw, double ratio, String unit, Better better) {
  /** Validates: name not blank, numbers finite. */
  public Comparison {
    Copies.text(name, "comparison.name");
    Copies.finite(ours, "comparison.ours");
    Copies.finite(raw, "comparison.raw");
    Copies.finite(ratio, "comparison.ratio");
    java.util.Objects.requireNonNull(unit, "comparison.unit");
    java.util.Objects.requireNonNull(better, "comparison.better");
  }

  /**
   * A comparison with the ratio computed.
   *
   * @throws IllegalArgumentException when {@code raw} is 0 (the ratio would be undefined)
   */
  public static Comparison of(String name, double ours, double raw, String unit, Better better) {
    if (raw == 0) {
      throw new IllegalArgumentException("comparison " + name + ": raw is 0, the ratio is undefined");
    }
    return new Comparison(name, ours, raw, ours / raw, unit, better);
  }

  /** Whether micronats ({@code ours}) is strictly better than the baseline. */
  public boolean oursIsBetter() {
    return better.isBetter(ours, raw);
  }
}
