package io.micronats.simulator.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one agent measured in its share of a run: every phase it ran ({@link PhaseReport}), its
 * broker receptions, and counters of the share as a whole.
 *
 * <p>Immutable.
 *
 * @param run the run id
 * @param agent the agent's name
 * @param index the agent's number
 * @param host the agent's host name
 * @param phases the phases in the order the agent ran them
 * @param broker the broker receptions, null when the broker workload did not run
 * @param counts counters of the share: {@code hostedServices}, {@code served} (requests its fake
 *     services answered, from every agent), {@code localCalls} and {@code remoteCalls} (its
 *     callers' successful calls to services it hosts or another agent hosts), {@code
 *     fleetEvents}, {@code fleetConnections}
 * @param elapsedMillis how long the share took
 * @param error empty, or why the agent could not run its share
 */
public record AgentReport(String run, String agent, int index, String host, List<PhaseReport> phases,
    @Nullable BrokerTally broker, Map<String, Long> counts, long elapsedMillis, String error) {

  public AgentReport {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(host, "host");
    phases = List.copyOf(phases);
    counts = Map.copyOf(counts);
    Objects.requireNonNull(error, "error");
  }

  /** A counter, zero when absent. */
  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /** The phase named {@code name}. */
  public java.util.Optional<PhaseReport> phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** A builder; run, agent and host have no default, error is empty (none). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AgentReport}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String run;
    private @Nullable String agent;
    private int index = 0;
    private @Nullable String host;
    private List<PhaseReport> phases = List.of();
    private @Nullable BrokerTally broker;
    private Map<String, Long> counts = Map.of();
    private long elapsedMillis = 0;
    private String error = "";

    private Builder() { }

    /** See {@link AgentReport#run()}. */
    public Builder run(String v) {
      run = v;
      return this;
    }

    /** See {@link AgentReport#agent()}. */
    public Builder agent(String v) {
      agent = v;
      return this;
    }

    /** See {@link AgentReport#index()}. */
    public Builder index(int v) {
      index = v;
      return this;
    }

    /** See {@link AgentReport#host()}. */
    public Builder host(String v) {
      host = v;
      return this;
    }

    /** See {@link AgentReport#phases()}. */
    public Builder phases(List<PhaseReport> v) {
      phases = v;
      return this;
    }

    /** See {@link AgentReport#broker()}. */
    public Builder broker(@Nullable BrokerTally v) {
      broker = v;
      return this;
    }

    /** See {@link AgentReport#counts()}. */
    public Builder counts(Map<String, Long> v) {
      counts = v;
      return this;
    }

    /** See {@link AgentReport#elapsedMillis()}. */
    public Builder elapsedMillis(long v) {
      elapsedMillis = v;
      return this;
    }

    /** See {@link AgentReport#error()}. */
    public Builder error(String v) {
      error = v;
      return this;
    }

    /** The {@code AgentReport}; a field without a default that was not set is a NullPointerException. */
    public AgentReport build() {
      return new AgentReport(Objects.requireNonNull(run, "run"), Objects.requireNonNull(agent, "agent"), index,
          Objects.requireNonNull(host, "host"), phases, broker, counts, elapsedMillis, error);
    }
  }
}
