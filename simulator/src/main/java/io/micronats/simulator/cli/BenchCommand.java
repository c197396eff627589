package io.micronats.simulator.cli;

import io.micronats.simulator.console.Console;
import io.micronats.simulator.run.Bench;
import io.micronats.simulator.run.BenchPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench --out DIR}: micronats against raw jnats on a local 3-node cluster, client and
 * service on different nodes; prints a table and writes {@code DIR/bench.json}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Compare micronats with raw jnats and write DIR/bench.json.",
        "A local cluster, client and service on different nodes: RPC request/reply, broker publish/subscribe",
        "and registry lookups per strategy, each against raw jnats."})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for bench.json.")
  Path out;

  @Option(names = "--payload", defaultValue = "128", description = "Payload bytes (default: ${DEFAULT-VALUE}).")
  int payload;

  @Option(names = "--in-flight", defaultValue = "64", description = "Requests in flight (default: ${DEFAULT-VALUE}).")
  int inFlight;

  @Option(names = "--duration", defaultValue = "5s", converter = DurationConverter.class,
      description = "Measured time per comparison and repetition (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "2s", converter = DurationConverter.class,
      description = "Warm-up before each measurement (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = {"--pairs", "--repetitions"}, defaultValue = "3",
      description = "Interleaved pairs (ours, then raw); the median of the per-pair ratios is reported with its range"
          + " (default: ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(names = "--contend", defaultValue = "0", paramLabel = "N",
      description = "N busy threads in a separate process during every measured phase (default: ${DEFAULT-VALUE}).")
  int contend;

  @Option(names = "--nodes", defaultValue = "3", description = "Cluster nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--services", defaultValue = "1000", description = "Registered services for the lookup comparison (default: ${DEFAULT-VALUE}).")
  int services;

  @Option(names = "--implementation", defaultValue = "nats", description = "Plugin measured against raw jnats (default: ${DEFAULT-VALUE}).")
  String implementation;

  @Option(names = "--urls", split = ",", paramLabel = "URL", description = "Use an existing cluster instead of starting one.")
  java.util.List<String> urls = new java.util.ArrayList<>();

  @Option(names = "--only", split = ",", paramLabel = "NAME",
      description = "Run only these comparisons: rpc, broker, registry (default: all).")
  java.util.Set<String> only = new java.util.LinkedHashSet<>(BenchPlan.ALL);

  @Option(names = {"-q", "--quiet"}, description = "Print only the table.")
  boolean quiet;

  /** The plan the last call built (for tests). */
  @Nullable BenchPlan plan;

  @Override
  public Integer call() throws Exception {
    try {
      plan = new BenchPlan(out, implementation, nodes, payload, inFlight, warmup, duration, repetitions, services, urls, only, contend);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Console console = new Console(spec.commandLine().getOut(), !quiet, 2.0);
    Bench.run(plan, console);
    return ExitCodes.OK;
  }
}
