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
    Files.createDirectories(outDir);
    Path json = outDir.resolve("jmh.json");
    Options options = new OptionsBuilder()
        .include(include)
        .forks(1)
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .threads(1)
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString())
        .build();
    out.println("running JMH benchmarks matching " + include + (quick ? " (quick smoke run, not a measurement)" : ""));
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
