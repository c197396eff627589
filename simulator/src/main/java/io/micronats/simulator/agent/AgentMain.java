package io.micronats.simulator.agent;

import io.micronats.simulator.console.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one agent in its own JVM: {@code AgentMain --run ID --name NAME --urls URL,URL,... [--join-timeout SECONDS]}
 * (the cluster's client URLs in node order). Exit 0 when the share ran, 1 when it failed, 2 on
 * bad arguments (named on stderr).
 *
 * <p>{@code ./micronats simulate --agent} is the command-line face of the same thing.
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the agent; returns the exit code. */
  static int run(String[] args) {
    List<String> urls = List.of();
    String run = null;
    String name = null;
    long joinSeconds = 60;
    try {
      for (int i = 0; i < args.length; i += 2) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : null;
        if (v == null) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        switch (a) {
          case "--run" -> run = v;
          case "--name" -> name = v;
          case "--urls" -> urls = Arrays.stream(v.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
          case "--join-timeout" -> joinSeconds = Long.parseLong(v);
          default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
        }
      }
      if (run == null || name == null || urls.isEmpty()) {
        throw new IllegalArgumentException("--run, --name and --urls are required");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("agent: " + e.getMessage());
      return 2;
    }
    Console console = new Console(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8),
        true), true, 2.0);
    try {
      AgentReport report = Agent.join(null, urls, run, name, Duration.ofSeconds(joinSeconds), console);
      System.out.println("agent " + name + ": " + report.counts() + (report.error().isEmpty() ? "" : " error: "
          + report.error()));
      return report.error().isEmpty() ? 0 : 1;
    } catch (Exception e) {
      System.err.println("agent " + name + " failed: " + e);
      return 1;
    }
  }
}
