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
}
