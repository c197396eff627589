package io.micronats.simulator.measure;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One nats-server's {@code /varz} numbers at one instant. Immutable.
 *
 * @param monitorUrl the monitoring address it came from
 * @param available false when the endpoint could not be read (the other fields are then 0)
 * @param cpuPercent the server's CPU use as it reports it
 * @param memBytes resident memory
 * @param connections client connections
 * @param routes route connections
 * @param inMsgs messages received so far
 * @param outMsgs messages sent so far
 * @param slowConsumers slow consumers so far
 */
public record ServerSnapshot(String monitorUrl, boolean available, double cpuPercent, long memBytes, long connections,
    long routes, long inMsgs, long outMsgs, long slowConsumers) {

  /** A snapshot for a server whose endpoint did not answer. */
  public static ServerSnapshot unavailable(String monitorUrl) {
    return builder().monitorUrl(monitorUrl).build();
  }

  /** A builder; the monitor URL has no default, every figure starts at 0 and the server as unavailable. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServerSnapshot}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String monitorUrl;
    private boolean available = false;
    private double cpuPercent = 0;
    private long memBytes = 0;
    private long connections = 0;
    private long routes = 0;
    private long inMsgs = 0;
    private long outMsgs = 0;
    private long slowConsumers = 0;

    private Builder() { }

    /** See {@link ServerSnapshot#monitorUrl()}. */
    public Builder monitorUrl(String v) {
      monitorUrl = v;
      return this;
    }

    /** See {@link ServerSnapshot#available()}. */
    public Builder available(boolean v) {
      available = v;
      return this;
    }

    /** See {@link ServerSnapshot#cpuPercent()}. */
    public Builder cpuPercent(double v) {
      cpuPercent = v;
      return this;
    }

    /** See {@link ServerSnapshot#memBytes()}. */
    public Builder memBytes(long v) {
      memBytes = v;
      return this;
    }

    /** See {@link ServerSnapshot#connections()}. */
    public Builder connections(long v) {
      connections = v;
      return this;
    }

    /** See {@link ServerSnapshot#routes()}. */
    public Builder routes(long v) {
      routes = v;
      return this;
    }

    /** See {@link ServerSnapshot#inMsgs()}. */
    public Builder inMsgs(long v) {
      inMsgs = v;
      return this;
    }

    /** See {@link ServerSnapshot#outMsgs()}. */
    public Builder outMsgs(long v) {
      outMsgs = v;
      return this;
    }

    /** See {@link ServerSnapshot#slowConsumers()}. */
    public Builder slowConsumers(long v) {
      slowConsumers = v;
      return this;
    }

    /** The {@code ServerSnapshot}; a field without a default that was not set is a NullPointerException. */
    public ServerSnapshot build() {
      return new ServerSnapshot(Objects.requireNonNull(monitorUrl, "monitorUrl"), available, cpuPercent, memBytes,
          connections, routes, inMsgs, outMsgs, slowConsumers);
    }
  }
}
