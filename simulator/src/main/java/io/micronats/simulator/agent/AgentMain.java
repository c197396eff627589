package io.micronats.simulator.agent;

import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one agent with the built-in {@link ServiceCallWork} in its own JVM:
 * {@code AgentMain --run ID --name NAME --addresses URLS [--config key=value]... [--join-timeout SECONDS]}.
 * Exit 0 when the share ran, 1 when it failed, 2 on bad arguments (named on stderr).
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
    Map<String, String> config = new LinkedHashMap<>();
    String run = null;
    String name = null;
    long joinSeconds = 60;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        String v = i + 1 < args.length ? args[i + 1] : null;
        if (v == null) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        switch (a) {
          case "--run" -> run = v;
          case "--name" -> name = v;
          case "--addresses" -> config.put(PluginConfig.ADDRESSES, v);
          case "--join-timeout" -> joinSeconds = Long.parseLong(v);
          case "--config" -> {
            int eq = v.indexOf('=');
            if (eq <= 0) {
              throw new IllegalArgumentException("--config needs key=value, got '" + v + "'");
            }
            config.put(v.substring(0, eq), v.substring(eq + 1));
          }
          default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
        }
        i++;
      }
      if (run == null || name == null) {
        throw new IllegalArgumentException("--run and --name are required");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("agent: " + e.getMessage());
      return 2;
    }
    try (Agent agent = new Agent(new PluginConfig(config), run, name, new ServiceCallWork())) {
      AgentReport report = agent.run(Duration.ofSeconds(joinSeconds));
      System.out.println("agent " + name + ": " + report.counts());
      return report.error().isEmpty() ? 0 : 1;
    } catch (Exception e) {
      System.err.println("agent " + name + " failed: " + e);
      return 1;
    }
  }
}
