package io.micronats.simulator.agent;

import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.NatsSettings;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulator agent: joins a run over NATS, waits for its {@link Assignment}, runs it with its
 * {@link AgentWork}, and publishes its {@link AgentReport}.
 *
 * <p>Not thread-safe: one thread calls {@link #run(Duration)} once. The constructor does no I/O;
 * {@link #run} connects (through {@link NatsConnections}, so any credentials in the config apply)
 * and {@link #close()} releases the connection; idempotent.
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final PluginConfig config;
  private final AgentSubjects subjects;
  private final String name;
  private final AgentWork work;
  private Connection connection;
  private boolean closed;

  /** An agent named {@code name} for run {@code run}, connecting with {@code config}. */
  public Agent(PluginConfig config, String run, String name, AgentWork work) {
    this.config = Objects.requireNonNull(config, "config");
    this.subjects = new AgentSubjects(run);
    this.name = new JoinRequest(name, "", 0).agent();
    this.work = Objects.requireNonNull(work, "work");
  }

  /**
   * Joins, runs the assignment, publishes and returns the report.
   *
   * @param joinTimeout how long to wait for a coordinator to acknowledge and assign
   * @throws IllegalStateException when no coordinator answers in time
   */
  public AgentReport run(Duration joinTimeout) throws Exception {
    if (connection != null || closed) {
      throw new IllegalStateException("an Agent runs once");
    }
    connection = NatsConnections.acquire(NatsSettings.from(config.with(NatsSettings.SHARED, "false")
        .with(NatsSettings.NAME, "agent-" + name)));
    Subscription assignments = connection.subscribe(subjects.assign(name));
    connection.flush(Duration.ofSeconds(5));
    long deadline = System.nanoTime() + joinTimeout.toNanos();
    JoinRequest join = new JoinRequest(name, hostName(), Runtime.getRuntime().availableProcessors());
    boolean joined = false;
    while (!joined && System.nanoTime() < deadline) {
      CompletableFuture<Message> reply = connection.requestWithTimeout(subjects.join(), AgentJson.write(join),
          Duration.ofMillis(500));
      try {
        reply.get(1, TimeUnit.SECONDS);
        joined = true;
      } catch (Exception e) {
        Thread.sleep(200); // no coordinator yet; ask again
      }
    }
    if (!joined) {
      throw new IllegalStateException("agent " + name + ": no coordinator answered on " + subjects.join()
          + " within " + joinTimeout);
    }
    LOG.info("agent {} joined run {}", name, subjects.run());
    Message m = null;
    while (m == null && System.nanoTime() < deadline) {
      m = assignments.nextMessage(Duration.ofMillis(200));
    }
    if (m == null) {
      throw new IllegalStateException("agent " + name + ": no assignment within " + joinTimeout);
    }
    Assignment a = AgentJson.read(m.getData(), Assignment.class);
    if (m.getReplyTo() != null) {
      connection.publish(m.getReplyTo(), "ok".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    LOG.info("agent {} assigned services {}..{} at {}/s for {} ms", name, a.servicesFrom(), a.servicesTo(),
        a.ratePerSecond(), a.durationMillis());
    long started = System.currentTimeMillis();
    AgentReport report;
    try {
      AgentWork.Result r = work.run(a, connection, subjects);
      Map<String, String> encoded = new LinkedHashMap<>();
      for (Map.Entry<String, Histogram> e : r.histograms().entrySet()) {
        encoded.put(e.getKey(), HistogramCodec.encode(e.getValue()));
      }
      report = new AgentReport(a.run(), name, a.index(), r.counts(), encoded, started,
          System.currentTimeMillis() - started, "");
    } catch (Exception e) {
      LOG.warn("agent {} failed its share: {}", name, e.toString());
      report = new AgentReport(a.run(), name, a.index(), Map.of(), Map.of(), started,
          System.currentTimeMillis() - started, e.toString());
    }
    connection.publish(subjects.report(), AgentJson.write(report));
    connection.flush(Duration.ofSeconds(5));
    return report;
  }

  /** Releases the connection; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (connection != null) {
      NatsConnections.release(connection);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
