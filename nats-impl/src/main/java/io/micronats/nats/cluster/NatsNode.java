package io.micronats.nats.cluster;

import static io.micronats.nats.cluster.ProcessControl.awaitExit;
import static io.micronats.nats.cluster.ProcessControl.awaitExitUninterruptibly;
import static io.micronats.nats.cluster.ProcessControl.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code nats-server} process of a {@link NatsCluster}, with control over its life: kill
 * (SIGKILL), pause and resume (SIGSTOP, SIGCONT), graceful stop (SIGTERM), and restart on the same
 * client, cluster and monitoring ports.
 *
 * <p>Thread-safe: control methods of one node are serialized; they block until the process has
 * reached the requested state or a bounded wait ran out. Ports are chosen by nats-server at the
 * node's first start and kept for every restart.
 */
public final class NatsNode {
  private static final Logger LOG = LoggerFactory.getLogger(NatsNode.class);
  private static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);
  /** The line of a config that makes a server accept leaf nodes (see {@link LayoutConfig}). */
  static final String LEAF_LISTEN_MARK = "# accepts leaf nodes";

  private final int index;
  private final String name;
  private final Path binary;
  private final Path configFile;
  private final Path logFile;
  private final Path portsDir;
  private final Duration startTimeout;
  private final Function<NatsNode, String> configRenderer;
  private final Object lock = new Object();

  private @Nullable Process process;
  private boolean paused;
  private boolean retired;
  // volatile: read without the lock when peers render their configs (avoids lock-order cycles)
  private volatile int clientPort = -1;
  private volatile int clusterPort = -1;
  private volatile int monitorPort = -1;
  private volatile int gatewayPort = -1;
  private volatile int leafPort = -1;

  NatsNode(int index, String name, Path binary, Path dir, Duration startTimeout,
      Function<NatsNode, String> configRenderer) {
    this.index = index;
    this.name = name;
    this.binary = binary;
    this.configFile = dir.resolve(name + ".conf");
    this.logFile = dir.resolve(name + ".log");
    this.portsDir = dir.resolve(name + "-ports");
    this.startTimeout = startTimeout;
    this.configRenderer = configRenderer;
  }

  /** The position of this node in its cluster, from 0. */
  public int index() {
    return index;
  }

  /** The node's {@code server_name}. */
  public String name() {
    return name;
  }

  /**
   * The client URL, {@code nats://127.0.0.1:<port>}; stable across restarts.
   *
   * @throws IllegalStateException before the node's first start
   */
  public String clientUrl() {
    return "nats://127.0.0.1:" + clientPort();
  }

  /**
   * The monitoring base URL, {@code http://127.0.0.1:<port>}; stable across restarts.
   *
   * @throws IllegalStateException before the node's first start
   */
  public String monitorUrl() {
    synchronized (lock) {
      requireStartedOnce();
      return "http://127.0.0.1:" + monitorPort;
    }
  }

  /** The client port; see {@link #clientUrl()}. */
  public int clientPort() {
    synchronized (lock) {
      requireStartedOnce();
      return clientPort;
    }
  }

  /** The route (cluster) port; see {@link #clientUrl()}. */
  public int clusterPort() {
    synchronized (lock) {
      requireStartedOnce();
      return clusterPort;
    }
  }

  /** The monitoring port; see {@link #clientUrl()}. */
  public int monitorPort() {
    synchronized (lock) {
      requireStartedOnce();
      return monitorPort;
    }
  }

  /**
   * The gateway port, or -1 when the node's config has no {@code gateway} block (only nodes of a
   * {@link NatsLayout} with gateways have one); stable across restarts.
   */
  public int gatewayPort() {
    return gatewayPort;
  }

  /**
   * The port leaf nodes connect to, or -1 when the node accepts no leaf nodes (only hub nodes of a
   * {@link NatsLayout} do); stable across restarts.
   */
  public int leafPort() {
    return leafPort;
  }

  /** Whether the process is alive (a paused process is alive). */
  public boolean isRunning() {
    synchronized (lock) {
      return process != null && process.isAlive();
    }
  }

  /** Whether the process is alive and stopped with SIGSTOP. */
  public boolean isPaused() {
    synchronized (lock) {
      return paused && process != null && process.isAlive();
    }
  }

  /**
   * The operating-system process id.
   *
   * @throws IllegalStateException when the node is not running
   */
  public long pid() {
    synchronized (lock) {
      return requireRunning("pid()").pid();
    }
  }

  /** The node's config file (rewritten with fixed ports after the first start). */
  public Path configFile() {
    return configFile;
  }

  /** The file that collects the process output of every start of this node. */
  public Path logFile() {
    return logFile;
  }

  /** The process output of every start so far; empty when there is none. */
  public String log() {
    return readQuietly(logFile);
  }

  /**
   * Kills the process with SIGKILL and waits (bounded, even when the thread is interrupted) until
   * it is gone. No effect when the node is not running.
   */
  public void kill() {
    synchronized (lock) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        return;
      }
      LOG.info("killing nats-server {} (pid {})", name, p.pid());
      p.destroyForcibly();
      awaitExitUninterruptibly(p, KILL_WAIT);
      paused = false;
    }
  }

  /**
   * Freezes the process with SIGSTOP: its sockets stay open but it answers nothing, the way a
   * hung or partitioned server looks to clients.
   *
   * @throws IllegalStateException when the node is not running
   */
  public void pause() {
    synchronized (lock) {
      Process p = requireRunning("pause()");
      if (!paused) {
        LOG.info("pausing nats-server {} (pid {})", name, p.pid());
        signal(p, "STOP");
        paused = true;
      }
    }
  }

  /**
   * Continues a paused process with SIGCONT. No effect when the node is not paused.
   *
   * @throws IllegalStateException when the node is not running
   */
  public void resume() {
    synchronized (lock) {
      Process p = requireRunning("resume()");
      if (paused) {
        LOG.info("resuming nats-server {} (pid {})", name, p.pid());
        signal(p, "CONT");
        paused = false;
      }
    }
  }

  /**
   * Puts the server into lame duck mode with SIGUSR2: it stops accepting clients, tells connected
   * clients (they see a {@code LAME_DUCK} event) and, after its grace period, closes them gradually
   * before exiting. nats-server 2.9 spreads this over at least 30 s ({@code lame_duck_duration}).
   *
   * @throws IllegalStateException when the node is not running
   */
  public void lameDuck() {
    synchronized (lock) {
      Process p = requireRunning("lameDuck()");
      LOG.info("lame duck mode for nats-server {} (pid {})", name, p.pid());
      signal(p, "USR2");
    }
  }

  /**
   * Stops the process gracefully with SIGTERM (resuming it first if paused), waits up to 10 s,
   * then kills it. No effect when the node is not running. An interrupt of the calling thread cuts
   * the graceful wait short, but the process is still killed and waited for (bounded) before this
   * returns, with the interrupt flag kept, so that a following {@link #restart()} finds it gone.
   */
  public void stop() {
    synchronized (lock) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        return;
      }
      if (paused) {
        signal(p, "CONT");
        paused = false;
      }
      LOG.info("stopping nats-server {} (pid {})", name, p.pid());
      p.destroy();
      // an interrupt cuts the graceful wait short, never the wait after the kill: a restart
      // must not find the old process still alive
      if (!awaitExit(p, STOP_WAIT)) {
        if (Thread.currentThread().isInterrupted()) {
          LOG.warn("graceful stop of nats-server {} interrupted; killing it", name);
        } else {
          LOG.warn("nats-server {} did not stop within {}; killing it", name, STOP_WAIT);
        }
        p.destroyForcibly();
        if (!awaitExitUninterruptibly(p, KILL_WAIT)) {
          LOG.warn("nats-server {} (pid {}) still alive {} after SIGKILL", name, p.pid(), KILL_WAIT);
        }
      }
    }
  }

  /**
   * Starts the node again on the same ports, stopping it first (gracefully) if it runs, and waits
   * until it is ready for clients. Call {@link NatsCluster#awaitRoutes(Duration)} to wait until the
   * routes have formed again.
   *
   * @throws NatsServerException with command line, output and config when it does not start
   * @throws IllegalStateException after the cluster was closed
   */
  public void restart() {
    synchronized (lock) {
      requireStartedOnce();
      if (retired) {
        throw new IllegalStateException("node " + name + " belongs to a closed NatsCluster");
      }
      stop();
      launch();
    }
  }

  /**
   * A {@code /varz} snapshot.
   *
   * @throws UncheckedIOException when the node does not answer within 3 s (stopped or paused)
   */
  public Varz varz() {
    return Varz.parse(monitor("/varz"));
  }

  /**
   * A {@code /routez?subs=1} snapshot.
   *
   * @throws UncheckedIOException when the node does not answer within 3 s (stopped or paused)
   */
  public Routez routez() {
    return Routez.parse(monitor("/routez?subs=1"));
  }

  /**
   * A {@code /gatewayz} snapshot: this server's gateway connections and their counters.
   *
   * @throws UncheckedIOException when the node does not answer within 3 s (stopped or paused)
   */
  public Gatewayz gatewayz() {
    return Gatewayz.parse(monitor("/gatewayz"));
  }

  /**
   * A {@code /leafz?subs=1} snapshot: this server's leaf-node connections and their counters.
   *
   * @throws UncheckedIOException when the node does not answer within 3 s (stopped or paused)
   */
  public Leafz leafz() {
    return Leafz.parse(monitor("/leafz?subs=1"));
  }

  /**
   * A {@code /connz?subs=1} snapshot.
   *
   * @throws UncheckedIOException when the node does not answer within 3 s (stopped or paused)
   */
  public Connz connz() {
    return Connz.parse(monitor("/connz?subs=1"));
  }

  /**
   * The raw answer of a monitoring endpoint, for example {@code /subsz?subs=1}.
   *
   * @throws UncheckedIOException when the node does not answer within 3 s
   */
  public String monitor(String pathAndQuery) {
    return MonitorClient.get(monitorUrl(), pathAndQuery, MONITOR_TIMEOUT);
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "NatsNode[" + name + ", client=" + clientPort + ", cluster=" + clusterPort
          + ", monitor=" + monitorPort + ", " + (process == null ? "never started"
          : process.isAlive() ? (paused ? "paused" : "running") : "exited") + "]";
    }
  }

  // ---- package-private, used by NatsCluster ----

  /** Whether the node has been started at least once, so its ports are known. */
  boolean hasPorts() {
    synchronized (lock) {
      return clientPort > 0;
    }
  }

  /** Writes the config and starts the process, waiting until nats-server reports its ports. */
  void launch() {
    synchronized (lock) {
      if (retired) {
        throw new IllegalStateException("node " + name + " belongs to a closed NatsCluster");
      }
      Process old = process;
      if (old != null && old.isAlive()) {
        throw new IllegalStateException("node " + name + " is already running");
      }
      String config = configRenderer.apply(this);
      List<String> command = List.of(binary.toString(), "-c", configFile.toString());
      Process p;
      try {
        Files.createDirectories(portsDir);
        PortsFile.clear(portsDir);
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(logFile.toFile()));
        pb.environment().remove(ServerBinary.ENV);
        p = pb.start();
      } catch (IOException e) {
        throw new NatsServerException("cannot start nats-server " + name + ": " + e.getMessage(),
            command, readQuietly(logFile), config, e);
      }
      process = p;
      paused = false;
      ProcessReaper.track(p);
      awaitPorts(p, command, config);
      adoptLinkPorts(config);
      LOG.info("started nats-server {} (pid {}): client {}, cluster {}, monitor {}", name, p.pid(),
          clientPort, clusterPort, monitorPort);
    }
  }

  /** Kills the process without logging and refuses later starts, for close(); bounded. */
  void destroy() {
    synchronized (lock) {
      retired = true;
      Process p = process;
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
        awaitExitUninterruptibly(p, KILL_WAIT);
      }
      paused = false;
    }
  }

  /** The directory the node's nats-server writes its ports file into. */
  Path portsDir() {
    return portsDir;
  }

  /** The ports, or -1 each before the first start: client, cluster, monitor. */
  int[] portsOrUnset() {
    return new int[] {clientPort, clusterPort, monitorPort};
  }

  /** The gateway and leaf ports, or -1 each while unknown or not configured; read without the lock. */
  int[] linkPortsOrUnset() {
    return new int[] {gatewayPort, leafPort};
  }

  // ---- internals ----

  private void awaitPorts(Process p, List<String> command, String config) {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    Path file = PortsFile.of(portsDir, p.pid());
    String lastProblem = "no ports file yet";
    while (System.nanoTime() - deadline < 0) {
      if (!p.isAlive()) {
        awaitExitUninterruptibly(p, KILL_WAIT);
        throw new NatsServerException("nats-server " + name + " exited with code " + p.exitValue()
            + " while starting", command, readQuietly(logFile), config, null);
      }
      if (Files.isRegularFile(file)) {
        try {
          Optional<PortsFile.Ports> ports = PortsFile.parse(Files.readString(file, StandardCharsets.UTF_8));
          if (ports.isPresent()) {
            adopt(ports.get());
            return;
          }
          lastProblem = "ports file lacks a listener";
        } catch (IOException | IllegalArgumentException e) {
          lastProblem = "ports file unreadable: " + e.getMessage();
        }
      }
      sleepQuietly(20);
    }
    p.destroyForcibly();
    awaitExitUninterruptibly(p, KILL_WAIT);
    throw new NatsServerException("nats-server " + name + " was not ready within " + startTimeout
        + " (" + lastProblem + ")", command, readQuietly(logFile), config, null);
  }

  /**
   * The gateway and leaf-node ports are not in the ports file: when the config listens for them,
   * they are read from {@code /varz}, which answers once the ports file exists.
   */
  private void adoptLinkPorts(String config) {
    boolean gateway = config.contains("\ngateway {");
    boolean leaf = config.contains(LEAF_LISTEN_MARK);
    if (!gateway && !leaf) {
      return;
    }
    Varz v = varz();
    int gw = Varz.nestedPort(v.json(), "gateway");
    int lf = Varz.nestedPort(v.json(), "leaf");
    if ((gateway && gw <= 0) || (leaf && lf <= 0)) {
      throw new IllegalStateException("node " + name + " reports no gateway or leaf port in /varz");
    }
    if ((gateway && gatewayPort > 0 && gw != gatewayPort) || (leaf && leafPort > 0 && lf != leafPort)) {
      throw new IllegalStateException("node " + name + " restarted on other gateway or leaf ports");
    }
    if (gateway) {
      gatewayPort = gw;
    }
    if (leaf) {
      leafPort = lf;
    }
  }

  /** Takes the ports of the first start; later starts must report the same ones. */
  private void adopt(PortsFile.Ports ports) {
    if (clientPort > 0 && (ports.client() != clientPort || ports.cluster() != clusterPort
        || ports.monitor() != monitorPort)) {
      throw new IllegalStateException("node " + name + " restarted on other ports");
    }
    clientPort = ports.client();
    clusterPort = ports.cluster();
    monitorPort = ports.monitor();
  }

  private void requireStartedOnce() {
    if (clientPort <= 0) {
      throw new IllegalStateException("node " + name + " has not been started: call NatsCluster.start() first");
    }
  }

  private Process requireRunning(String what) {
    Process p = process;
    if (p == null || !p.isAlive()) {
      throw new IllegalStateException(what + ": node " + name + " is not running");
    }
    return p;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for nats-server", e);
    }
  }

  static String readQuietly(Path file) {
    try {
      return Files.isRegularFile(file)
          ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }
}
