package io.micronats.simulator.scenario;

import java.util.Objects;

/**
 * The broker workload: publishers at fixed rates with sequence numbers, plain subscribers and a
 * queue group, all on one topic. Immutable.
 *
 * @param enabled whether the workload runs
 * @param publishers number of publishers
 * @param ratePerPublisher messages per second each publisher sends
 * @param subscribers plain subscribers (each receives every message)
 * @param queueGroupMembers members of one queue group (the group receives each message once); 0 for none
 * @param payloadBytes message size
 * @param phases warm-up, measured and cool-down durations
 */
public record BrokerSpec(boolean enabled, int publishers, double ratePerPublisher, int subscribers,
    int queueGroupMembers, int payloadBytes, Phases phases) {
  /** Checks nulls. */
  public BrokerSpec {
    Objects.requireNonNull(phases, "phases");
  }

  /** A builder with the scenario parser's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).publishers(publishers).ratePerPublisher(ratePerPublisher)
        .subscribers(subscribers).queueGroupMembers(queueGroupMembers).payloadBytes(payloadBytes).phases(phases);
  }

  /** Builds a {@link BrokerSpec}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private int publishers = 2;
    private double ratePerPublisher = 1000;
    private int subscribers = 2;
    private int queueGroupMembers = 2;
    private int payloadBytes = 128;
    private Phases phases = Phases.DEFAULTS;

    private Builder() { }

    /** See {@link BrokerSpec#enabled()}. */
    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    /** See {@link BrokerSpec#publishers()}. */
    public Builder publishers(int v) {
      publishers = v;
      return this;
    }

    /** See {@link BrokerSpec#ratePerPublisher()}. */
    public Builder ratePerPublisher(double v) {
      ratePerPublisher = v;
      return this;
    }

    /** See {@link BrokerSpec#subscribers()}. */
    public Builder subscribers(int v) {
      subscribers = v;
      return this;
    }

    /** See {@link BrokerSpec#queueGroupMembers()}. */
    public Builder queueGroupMembers(int v) {
      queueGroupMembers = v;
      return this;
    }

    /** See {@link BrokerSpec#payloadBytes()}. */
    public Builder payloadBytes(int v) {
      payloadBytes = v;
      return this;
    }

    /** See {@link BrokerSpec#phases()}. */
    public Builder phases(Phases v) {
      phases = v;
      return this;
    }

    /** The spec. */
    public BrokerSpec build() {
      return new BrokerSpec(enabled, publishers, ratePerPublisher, subscribers, queueGroupMembers, payloadBytes,
          phases);
    }
  }
}
