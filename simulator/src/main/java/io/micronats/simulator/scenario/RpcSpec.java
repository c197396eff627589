package io.micronats.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The RPC workload. Immutable.
 *
 * @param enabled whether the workload runs
 * @param mode open (fixed arrival rate, latency from the intended send time) or closed (capacity)
 * @param rate requests per second in the open model
 * @param sweep further open-model rates run after {@code rate} to find the knee; empty for none
 * @param clients logical clients (each picks its own target service and endpoint)
 * @param maxInFlight bound on requests in flight (open model) or the number of loops (closed model)
 * @param timeout per-request timeout
 * @param phases warm-up, measured and cool-down durations of each measurement
 */
public record RpcSpec(boolean enabled, Mode mode, double rate, List<Double> sweep, int clients, int maxInFlight,
    Duration timeout, Phases phases) {

  /** Open or closed workload model. */
  public enum Mode {
    /** Requests at fixed intended times, independent of completions. */
    OPEN,
    /** N loops, each sending the next request when the previous answered: measures capacity. */
    CLOSED
  }

  /** Copies the list. */
  public RpcSpec {
    Objects.requireNonNull(mode, "mode");
    sweep = List.copyOf(sweep);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(phases, "phases");
  }

  /** A builder with the scenario parser's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).mode(mode).rate(rate).sweep(sweep).clients(clients)
        .maxInFlight(maxInFlight).timeout(timeout).phases(phases);
  }

  /** Builds a {@link RpcSpec}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private Mode mode = Mode.OPEN;
    private double rate = 1000;
    private List<Double> sweep = List.of();
    private int clients = 64;
    private int maxInFlight = 64;
    private Duration timeout = Duration.ofSeconds(2);
    private Phases phases = Phases.DEFAULTS;

    private Builder() { }

    /** See {@link RpcSpec#enabled()}. */
    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    /** See {@link RpcSpec#mode()}. */
    public Builder mode(Mode v) {
      mode = v;
      return this;
    }

    /** See {@link RpcSpec#rate()}. */
    public Builder rate(double v) {
      rate = v;
      return this;
    }

    /** See {@link RpcSpec#sweep()}. */
    public Builder sweep(List<Double> v) {
      sweep = v;
      return this;
    }

    /** See {@link RpcSpec#clients()}. */
    public Builder clients(int v) {
      clients = v;
      return this;
    }

    /** See {@link RpcSpec#maxInFlight()}. */
    public Builder maxInFlight(int v) {
      maxInFlight = v;
      return this;
    }

    /** See {@link RpcSpec#timeout()}. */
    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    /** See {@link RpcSpec#phases()}. */
    public Builder phases(Phases v) {
      phases = v;
      return this;
    }

    /** The spec. */
    public RpcSpec build() {
      return new RpcSpec(enabled, mode, rate, sweep, clients, maxInFlight, timeout, phases);
    }
  }
}
