package io.micronats.simulator.agent;

import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.NatsSettings;
import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.scenario.Layout;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulator agent: joins a run over NATS, receives its {@link Assignment}, runs its share of
 * the fleet and the load ({@link AgentRun}) with the coordinator's start barrier, and publishes its
 * {@link AgentReport}; a failure is reported too (with its error) so that the coordinator stops
 * the run naming this agent.
 *
 * <p>Not thread-safe: one thread calls {@link #run(Duration)} once. The constructor does no I/O;
 * {@link #run} connects (through {@link NatsConnections}, so any credentials in the config apply)
 * and {@link #close()} releases the connection; idempotent.
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final PluginConfig config;
  private final List<String> urls;
  private final AgentSubjects subjects;
  private final String name;
  private final Console console;
  private @Nullable Connection connection;
  private boolean closed;

  /**
   * An agent named {@code name} for run {@code run}; {@code config} connects the control plane,
   * {@code urls} (the cluster's client URLs in node order) the share's participants, empty for the
   * scenario's external layout.
   */
  public Agent(PluginConfig config, List<String> urls, String run, String name, Console console) {
    this.config = Objects.requireNonNull(config, "config");
    this.urls = List.copyOf(urls);
    this.subjects = new AgentSubjects(run);
    this.name = new JoinRequest(name, "", 0).agent();
    this.console = Objects.requireNonNull(console, "console");
  }

  /**
   * Joins run {@code run} as agent {@code name} and runs its share. The run's scenario comes from
   * the coordinator; {@code local}, when given, supplies the cluster (an external layout's URLs)
   * and credentials when {@code urls} is empty.
   */
  public static AgentReport join(@Nullable Scenario local, List<String> urls, String run, String name,
      Duration joinTimeout, Console console) throws Exception {
    Layout layout = (local == null ? ScenarioParser.defaults() : local).layout();
    if (urls.isEmpty() && layout.backend() != Layout.Backend.EXTERNAL) {
      throw new IllegalArgumentException("--agent needs the coordinator's cluster: --urls, or a scenario with an"
          + " external layout");
    }
    List<String> cluster = urls.isEmpty() ? layout.urls() : urls;
    try (RunBackend backend = RunBackend.start(layout, cluster);
        Agent agent = new Agent(local == null ? backend.clientConfig() : controlConfig(local, backend), cluster, run, name,
            console)) {
      return agent.run(joinTimeout);
    }
  }

  /**
   * The control plane's connection settings for a run of {@code s} on {@code backend}: the
   * backend's client settings with the scenario's security settings.
   */
  public static PluginConfig controlConfig(Scenario s, RunBackend backend) {
    PluginConfig c = backend.clientConfig();
    for (Map.Entry<String, String> e : RunBackend.securitySettings(s.layout().security()).entrySet()) {
      c = c.with(e.getKey(), e.getValue());
    }
    return c;
  }


  /**
   * Joins, runs the share, publishes and returns the report.
   *
   * @param joinTimeout how long to wait for a coordinator to acknowledge and assign
   * @throws IllegalStateException when no coordinator answers in time
   */
  public AgentReport run(Duration joinTimeout) throws Exception {
    if (connection != null || closed) {
      throw new IllegalStateException("an Agent runs once");
    }
    Connection c = NatsConnections.acquire(NatsSettings.from(config.with(NatsSettings.SHARED, "false")
        .with(NatsSettings.NAME, "agent-" + name)));
    connection = c;
    Assignment a = join(c, joinTimeout);
    console.step("agent " + name + " joined run " + subjects.run() + ": " + a.describe());
    long started = System.currentTimeMillis();
    EpochClock clock = new EpochClock();
    try (AgentLink link = new AgentLink(c, subjects, name, Duration.ofMillis(a.setting("barrierTimeoutMillis", 600_000)),
        Duration.ofMillis(a.setting("silenceMillis", 10_000)), clock)) {
      link.start();
      AgentReport report;
      try {
        Scenario whole = ScenarioCodec.read(a.scenario());
        try (RunBackend backend = RunBackend.start(whole.layout(), urls)) {
          report = AgentRun.run(a, backend, link, console, hostName());
        }
      } catch (Exception e) {
        String stopped = link.stopped();
        String error = stopped != null ? "stopped: " + stopped : e.toString();
        LOG.warn("agent {} failed its share: {}", name, error);
        report = AgentReport.builder().run(a.run()).agent(name).index(a.index()).host(hostName())
            .elapsedMillis(System.currentTimeMillis() - started).error(error).build();
      }
      boolean interrupted = Thread.interrupted(); // an abort interrupts this thread; report anyway
      link.report(report);
      if (interrupted && link.stopped() == null) {
        Thread.currentThread().interrupt();
      }
      return report;
    }
  }

  private Assignment join(Connection c, Duration joinTimeout) throws Exception {
    Subscription assignments = c.subscribe(subjects.assign(name));
    c.flush(Duration.ofSeconds(5));
    long deadline = System.nanoTime() + joinTimeout.toNanos();
    JoinRequest join = new JoinRequest(name, hostName(), Runtime.getRuntime().availableProcessors());
    boolean joined = false;
    while (!joined && System.nanoTime() < deadline) {
      CompletableFuture<Message> reply = c.requestWithTimeout(subjects.join(), AgentJson.write(join),
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
      c.publish(m.getReplyTo(), "ok".getBytes(StandardCharsets.UTF_8));
    }
    assignments.unsubscribe();
    return a;
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

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
