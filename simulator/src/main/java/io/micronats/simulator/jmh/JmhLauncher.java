package io.micronats.simulator.jmh;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks of this package in a forked JVM and writes {@code jmh.json}. Also a
 * separate entry point: {@code java -cp ... io.micronats.simulator.jmh.JmhLauncher [REGEX]}.
 * Stateless.
 */
public final class JmhLauncher {
  private JmhLauncher() {}

  /** Runs the benchmarks matching {@code include} (quick = a smoke run); returns the result count. */
  public static int run(String include, boolean quick, Path outDir, PrintWriter out) throws RunnerException, java.io.IOException {
    return run(include, quick, List.of(), outDir, out);
  }

  /**
   * Runs the benchmarks with JMH's own command-line arguments {@code jmhArgs} on top of this
   * launcher's defaults: what they set wins, a benchmark regex among them replaces {@code include}.
   *
   * @throws IllegalArgumentException when JMH rejects the arguments (its message names the option)
   */
  public static int run(String include, boolean quick, List<String> jmhArgs, Path outDir, PrintWriter out)
      throws RunnerException, java.io.IOException {
    CommandLineOptions given;
    try {
      given = new CommandLineOptions(jmhArgs.toArray(new String[0]));
    } catch (CommandLineOptionException e) {
      throw new IllegalArgumentException("JMH arguments " + jmhArgs + ": " + e.getMessage(), e);
    }
    Path json = outDir.resolve("jmh.json");
    ChainedOptionsBuilder b = new OptionsBuilder().parent(given).shouldFailOnError(true);
    if (given.getIncludes().isEmpty()) {
      b.include(include);
    }
    if (!given.getForkCount().hasValue()) {
      b.forks(1);
    }
    if (!given.getWarmupIterations().hasValue()) {
      b.warmupIterations(quick ? 1 : 3);
    }
    if (!given.getWarmupTime().hasValue()) {
      b.warmupTime(TimeValue.seconds(quick ? 1 : 2));
    }
    if (!given.getMeasurementIterations().hasValue()) {
      b.measurementIterations(quick ? 2 : 5);
    }
    if (!given.getMeasurementTime().hasValue()) {
      b.measurementTime(TimeValue.seconds(quick ? 1 : 2));
    }
    if (!given.getThreads().hasValue()) {
      b.threads(1);
    }
    if (!given.getResult().hasValue()) {
      Files.createDirectories(outDir);
      b.resultFormat(ResultFormatType.JSON).result(json.toString());
    } else {
      json = Path.of(given.getResult().get());
    }
    Options options = b.build();
    out.println("running JMH benchmarks matching " + String.join(" ", options.getIncludes()) + (quick ? " (quick smoke run, not a measurement)" : ""));
    out.flush();
    Collection<RunResult> results = new Runner(options).run();
    for (RunResult r : results) {
      var s = r.getPrimaryResult();
      out.printf(java.util.Locale.ROOT, "%-70s %12.3f ± %8.3f %s%n", r.getParams().getBenchmark()
          + paramsOf(r), s.getScore(), s.getScoreError(), s.getScoreUnit());
    }
    out.println("JMH results: " + json);
    out.flush();
    return results.size();
  }

  private static String paramsOf(RunResult r) {
    StringBuilder b = new StringBuilder();
    for (String key : r.getParams().getParamsKeys()) {
      b.append(' ').append(key).append('=').append(r.getParams().getParam(key));
    }
    return b.toString();
  }

  /** Runs every benchmark (or those matching the first argument). */
  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    run(args.length > 0 ? args[0] : "io.micronats.simulator.jmh.*", false, Path.of("target", "jmh"), out);
  }
}
