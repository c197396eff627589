package io.micronats.tck.runner;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.tck.Capability;
import io.micronats.tck.TckTarget;
import io.micronats.tck.env.TestEnvironment;
import io.micronats.tck.rules.RuleCatalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The command-line TCK runner: runs every rule against a plugin found by
 * {@link java.util.ServiceLoader} and writes the conformance report. The user writes no code.
 *
 * <pre>
 * java -cp TCK_CLASSPATH io.micronats.tck.runner.TckMain --plugin NAME [--jar PATH]...
 *      [--capability NAME]... [--config key=value]... [--seed N] [--timeout-multiplier X] [--thorough] --out DIR
 * </pre>
 *
 * <p>Writes {@code DIR/tck-report.json}, {@code DIR/tck-report.md} and JUnit XML in
 * {@code DIR/junit/}. Exit status: 0 COMPATIBLE, 1 NOT_COMPATIBLE, 2 usage error (the message on
 * stderr names the bad argument). System properties {@code micronats.tck.*} (timeout multiplier,
 * seed, ...) are passed on to the suites. Runs on the calling thread; not reentrant.
 */
public final class TckMain {

  private TckMain() {}

  /** Runs and exits with the status of {@link #run}. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the TCK as the command line says; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (RunnerArgs.wantsHelp(args)) {
      out.println(RunnerArgs.USAGE);
      return 0;
    }
    if (RunnerArgs.wantsVersion(args)) {
      out.println("micronats TCK " + TckReport.currentVersion());
      return 0;
    }
    RunnerArgs parsed;
    try {
      parsed = RunnerArgs.parse(args);
      if (parsed.capabilities().contains(Capability.BACKEND_RESTART)) {
        throw new IllegalArgumentException("--capability BACKEND_RESTART needs a BackendControl, which only a "
            + "TckTarget in code can supply (extend MicronatsTck)");
      }
    } catch (IllegalArgumentException e) {
      err.println("tck: " + e.getMessage());
      err.println(RunnerArgs.USAGE);
      return 2;
    }
    URLClassLoader loader = new URLClassLoader(urls(parsed.jars()), TckMain.class.getClassLoader());
    TckTarget target;
    try {
      target = TckTarget.plugin(parsed.plugin(), new PluginConfig(parsed.config()), loader)
          .withCapabilities(parsed.capabilities());
    } catch (IllegalArgumentException e) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        err.println("tck: --plugin " + parsed.plugin() + ": " + e.getMessage() + "; available plugins: "
            + io.micronats.tck.TckSetupCheck.availablePlugins() + " (add a plugin's jar with --jar PLUGIN.jar)");
      } finally {
        thread.setContextClassLoader(previous);
      }
      return 2;
    }
    Map<String, String> parameters = parameters();
    if (parsed.thorough()) {
      parameters.put(TestEnvironment.THOROUGH_PARAMETER, "true");
    }
    if (parsed.seed() != null) {
      parameters.put(TestEnvironment.SEED_PARAMETER, Long.toString(parsed.seed()));
    }
    if (parsed.timeoutMultiplier() != null) {
      parameters.put(TestEnvironment.MULTIPLIER_PARAMETER, Double.toString(parsed.timeoutMultiplier()));
    }
    TestEnvironment env;
    try {
      env = TestEnvironment.from(key -> Optional.ofNullable(parameters.get(key)), System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("tck: " + e.getMessage());
      return 2;
    }
    parameters.put(TestEnvironment.SEED_PARAMETER, Long.toString(env.seed()));
    out.println("micronats TCK " + TckReport.currentVersion() + ": plugin '" + parsed.plugin() + "', capabilities "
        + parsed.capabilities() + ", " + env.describe().replaceFirst(" \\(rerun: [^)]*\\)", "") + " (rerun: --seed " + env.seed() + ")");

    RuleResultCollector collector = new RuleResultCollector(RuleCatalogue.standard());
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try {
      thread.setContextClassLoader(loader);
      ConfiguredTck.use(target);
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
          .selectors(selectClass(ConfiguredTck.class))
          .configurationParameters(parameters)
          .build();
      Launcher launcher = LauncherFactory.create();
      PrintWriter xmlErrors = new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true);
      launcher.execute(request, collector,
          new LegacyXmlReportGeneratingListener(parsed.out().resolve("junit"), xmlErrors));
    } finally {
      ConfiguredTck.use(null);
      thread.setContextClassLoader(previous);
    }
    String rerun = RerunCommand.of(parsed, env.seed(), env.multiplier());
    TckReport report = new TckReport(TckReport.currentVersion(), parsed.plugin(), parsed.capabilities(), env, started,
        (System.nanoTime() - t0) / 1_000_000, collector.results());
    try {
      JUnitXmlNames.apply(parsed.out().resolve("junit"), parsed.plugin());
      Path json = TckReportWriter.write(report, parsed.out(), rerun);
      out.println("micronats TCK: " + report.verdict() + " (" + report.count(RuleResult.Status.PASSED) + " passed, "
          + report.count(RuleResult.Status.FAILED) + " failed, " + report.count(RuleResult.Status.SKIPPED) + " skipped of "
          + report.rules().size() + " rules) in " + report.durationMillis() + " ms -> " + json);
    } catch (IOException e) {
      err.println("tck: cannot write the report to " + parsed.out() + ": " + e);
      return 2;
    }
    report.rules().stream().filter(r -> r.status() == RuleResult.Status.FAILED)
        .forEach(r -> out.println("  FAILED " + firstLine(Objects.requireNonNullElse(r.message(), ""))));
    if (!report.compatible()) {
      out.println("rerun exactly: " + rerun);
    }
    return report.compatible() ? 0 : 1;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    System.getProperties().forEach((k, v) -> {
      if (k.toString().startsWith("micronats.tck.")) {
        parameters.put(k.toString(), v.toString());
      }
    });
    return parameters;
  }

  private static URL[] urls(List<Path> jars) {
    List<URL> urls = new ArrayList<>();
    for (Path jar : jars) {
      try {
        urls.add(jar.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("--jar " + jar + ": " + e.getMessage(), e);
      }
    }
    return urls.toArray(URL[]::new);
  }
}
