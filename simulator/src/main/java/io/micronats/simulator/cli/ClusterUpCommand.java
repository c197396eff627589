package io.micronats.simulator.cli;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.cluster.NatsNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cluster up}: starts a local cluster in the foreground, prints its URLs, and keeps it
 * until Ctrl-C (or SIGTERM), end of standard input, or {@code --max-time}.
 */
@Command(name = "up", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Start a local nats-server cluster with full-mesh routes and keep it running.",
        "Stops on Ctrl-C or SIGTERM, when standard input closes (--stdin, on by default for a terminal),"
            + " or after --max-time.",
        "In scripts: start it in the background with --ready-file and wait for that file."})
public final class ClusterUpCommand implements Callable<Integer> {
  /** How to treat standard input. */
  enum StdinMode { AUTO, WATCH, IGNORE }

  @Spec CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "3", description = "Number of nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--ready-file", paramLabel = "PATH",
      description = "Write the comma-joined client URLs to PATH once the cluster formed.")
  @Nullable Path readyFile;

  @Option(names = "--max-time", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long (for example 30m); default: run until stopped.")
  @Nullable Duration maxTime;

  @Option(names = "--stdin", defaultValue = "AUTO",
      description = "Stop when standard input closes: AUTO (only when it is a terminal), WATCH or IGNORE (default: ${DEFAULT-VALUE}).")
  StdinMode stdin;

  @Override
  public Integer call() throws InterruptedException, IOException {
    if (nodes < 1 || nodes > 16) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--nodes must be 1..16, was " + nodes);
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    try (NatsCluster cluster = NatsCluster.builder().nodes(nodes).build()) {
      Runnable closeCluster = cluster::close;  // idempotent: the hook on Ctrl-C, the try otherwise
      Thread hook = new Thread(() -> {
        stop.countDown();
        closeCluster.run();
      }, "cluster-up-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      cluster.start();
      out.println("NATS cluster up: " + nodes + " node(s)");
      for (NatsNode node : cluster.nodes()) {
        out.println("  node " + node.index() + "  client " + node.clientUrl() + "  monitor " + node.monitorUrl());
      }
      out.println("connect string: " + cluster.connectString());
      if (readyFile != null) {
        writeAtomically(readyFile, cluster.connectString());
        out.println("ready file: " + readyFile);
      }
      // Java 17 has no Console.isTerminal() (JDK 22); a null console is its only "not a terminal" signal.
      @SuppressWarnings("SystemConsoleNull")
      boolean watchStdin = stdin == StdinMode.WATCH || (stdin == StdinMode.AUTO && System.console() != null);
      out.println("press Ctrl-C" + (watchStdin ? " or Ctrl-D" : "") + " to stop");
      out.flush();
      if (watchStdin) {
        watch(System.in, stop);
      }
      if (maxTime != null) {
        stop.await(maxTime.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        stop.await();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down (Ctrl-C); the hook closes the cluster
      }
      out.println("stopping the cluster");
      out.flush();
    } finally {
      if (readyFile != null) {
        Files.deleteIfExists(readyFile);
      }
    }
    return ExitCodes.OK;
  }

  private static void watch(InputStream in, CountDownLatch stop) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[256];
      try {
        while (in.read(buffer) >= 0) {
          // discard input; only its end matters
        }
      } catch (IOException e) {
        // a broken standard input ends the watch like a closed one
      }
      stop.countDown();
    }, "cluster-up-stdin");
    t.setDaemon(true);
    t.start();
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
