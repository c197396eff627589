package io.micronats.tck.mutants;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.micronats.tck.Role;
import io.micronats.tck.env.TestEnvironment;
import io.micronats.tck.rules.Level;
import io.micronats.tck.rules.RecommendationNotMet;
import io.micronats.tck.rules.Rule;
import io.micronats.tck.rules.RuleCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Proves the TCK can fail: every broken implementation is run through its role's contract with
 * JUnit's EngineTestKit, and exactly its expected rule IDs must fail. Then the kill matrix (rule
 * to the mutants that kill it) is written and every REQUIRED rule must be killed at least once.
 *
 * <p>Mutants run {@link #parallelism()} at a time, each in its own EngineTestKit execution on its
 * own runner thread (the harness finds its mutant through an inheritable thread-local), under the
 * short self-test timeouts of {@link #PARAMETERS}; every mutant still runs its role's whole
 * contract, so "nothing else fails" is checked against every rule of the role.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MutantKillTest {

  /** Mutant runs use short timeouts: the in-memory plugin is fast, and failing rules wait the full wait timeout. */
  static final Map<String, String> PARAMETERS = Map.of(
      TestEnvironment.WAIT_PARAMETER, "2500",
      TestEnvironment.QUIET_PARAMETER, "100",
      TestEnvironment.RULE_TIMEOUT_PARAMETER, "15000",
      TestEnvironment.SEED_PARAMETER, "20261127");

  static final Map<String, Set<String>> ACTUAL = new ConcurrentHashMap<>();

  /** Every mutant, or those named in the system property {@code tck.mutant} (comma-separated). */
  static List<Mutant> selected() {
    List<Mutant> all = mutants();
    String names = System.getProperty("tck.mutant", "");
    if (!names.isBlank()) {
      List<String> wanted = List.of(names.split(","));
      all.removeIf(m -> !wanted.contains(m.name()));
    }
    return all;
  }

  /** Every mutant. */
  static List<Mutant> mutants() {
    List<Mutant> all = new ArrayList<>();
    all.addAll(TransportMutants.all());
    all.addAll(ServeMutants.all());
    all.addAll(BrokerMutants.all());
    all.addAll(RegistryMutants.all());
    all.addAll(EdgeMutants.all());
    return all;
  }

  /**
   * How many mutants run at once (system property {@code tck.mutantParallelism}, default 2): each
   * run is mostly waiting (timeouts of failing rules), so two share this 2-core machine well.
   */
  static int parallelism() {
    try {
      return Math.max(1, Math.min(8, Integer.parseInt(System.getProperty("tck.mutantParallelism", "2").trim())));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tck.mutantParallelism is not an integer: '"
          + System.getProperty("tck.mutantParallelism") + "'", e);
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> eachMutantFailsExactlyItsExpectedRules() {
    List<Mutant> mutants = selected();
    ExecutorService pool = Executors.newFixedThreadPool(parallelism(), r -> {
      Thread t = new Thread(r, "tck-mutant-runner");
      t.setDaemon(true);
      return t;
    });
    List<Future<Outcome>> runs = new ArrayList<>();
    for (Mutant m : mutants) {
      runs.add(pool.submit(() -> run(m)));
    }
    pool.shutdown();
    return IntStream.range(0, mutants.size()).mapToObj(i -> DynamicTest.dynamicTest(mutants.get(i).name(), () -> {
      Mutant m = mutants.get(i);
      Outcome outcome;
      try {
        outcome = runs.get(i).get(30, TimeUnit.MINUTES);
      } catch (ExecutionException e) {
        throw e.getCause();
      }
      Set<String> failed = outcome.failed();
      ACTUAL.put(m.role() + "/" + m.name(), failed);
      if (!failed.equals(m.expected())) {
        Set<String> missing = new TreeSet<>(m.expected());
        missing.removeAll(failed);
        Set<String> extra = new TreeSet<>(failed);
        extra.removeAll(m.expected());
        StringBuilder why = new StringBuilder();
        extra.forEach(id -> why.append("\n  ").append(outcome.messages().getOrDefault(id, id)));
        throw new AssertionError("mutant " + m.name() + ": expected exactly " + m.expected() + " to fail, but "
            + failed + " failed (not failing: " + missing + ", unexpectedly failing: " + extra + ")" + why);
      }
    }));
  }

  /** What one mutant run produced: the rule IDs that failed and the first line of each failure message. */
  record Outcome(Set<String> failed, Map<String, String> messages) {}

  @Test
  @Order(0)
  void theUnbrokenInMemoryPluginFailsNothingUnderTheSelfTestTimeouts() {
    Mutant baseline = new Mutant("Baseline", Role.TRANSPORT, true, ns -> Mutant.target(ns, null, null, null), Set.of());
    Set<String> failed = new TreeSet<>();
    for (Class<?> c : List.of(MutantHarness.Transports.class, MutantHarness.Brokers.class, MutantHarness.Registries.class)) {
      failed.addAll(run(baseline, c, new ConcurrentHashMap<>()));
    }
    if (!failed.isEmpty()) {
      throw new AssertionError("expected the in-memory plugin to pass every rule, but " + failed + " failed");
    }
  }

  @Test
  @Order(2)
  void everyRequiredRuleIsKilledByAMutantAndTheMatrixIsWritten() throws IOException {
    Map<String, List<String>> killers = new TreeMap<>();
    for (Rule rule : RuleCatalogue.standard().rules()) {
      killers.put(rule.id(), new ArrayList<>());
    }
    for (Mutant m : mutants()) {
      for (String id : m.expected()) {
        killers.computeIfAbsent(id, k -> new ArrayList<>()).add(m.name());
      }
    }
    StringBuilder md = new StringBuilder("# TCK kill matrix\n\nGenerated by MutantKillTest: each rule and the broken "
        + "implementations (mutants) that make it fail. Every REQUIRED rule must be killed at least once.\n\n"
        + "| Rule | Level | Killed by |\n|---|---|---|\n");
    List<String> unkilled = new ArrayList<>();
    for (Rule rule : RuleCatalogue.standard().rules()) {
      List<String> k = killers.get(rule.id());
      String level = rule.level() + (rule.capability() == null ? "" : " " + rule.capability());
      md.append("| ").append(rule.id()).append(" | ").append(level).append(" | ")
          .append(k.isEmpty() ? "**none**" : String.join(", ", k)).append(" |\n");
      if (rule.level() == Level.REQUIRED && k.isEmpty()) {
        unkilled.add(rule.id());
      }
    }
    md.append("\n").append(mutants().size()).append(" mutants; ")
        .append(ACTUAL.isEmpty() ? "expected sets only (the mutant runs did not execute in this JVM)"
            : ACTUAL.size() + " run in this build, each failing exactly its expected rules").append(".\n");
    Path out = Path.of(System.getProperty("tck.killMatrix", "target/kill-matrix.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    if (!unkilled.isEmpty()) {
      throw new AssertionError("expected every REQUIRED rule to be killed by a mutant, but none kills " + unkilled
          + " (see " + out + ")");
    }
  }

  static Outcome run(Mutant m) {
    Map<String, String> messages = new ConcurrentHashMap<>();
    Set<String> failed = new TreeSet<>(run(m, harness(m.role()), messages));
    if (m.alsoRpc()) {
      failed.addAll(run(m, MutantHarness.Rpcs.class, messages));
    }
    return new Outcome(failed, messages);
  }

  static Class<?> harness(Role role) {
    return switch (role) {
      case TRANSPORT -> MutantHarness.Transports.class;
      case BROKER -> MutantHarness.Brokers.class;
      case REGISTRY -> MutantHarness.Registries.class;
    };
  }

  static Set<String> run(Mutant m, Class<?> harness, Map<String, String> messages) {
    MutantHarness.use(m.target().apply("mutant-" + m.name() + "-" + System.nanoTime()));
    EngineExecutionResults results;
    try {
      ClassSelector selector = selectClass(harness);
      results = EngineTestKit.engine("junit-jupiter").selectors(selector).configurationParameters(PARAMETERS).execute();
    } finally {
      MutantHarness.clear();
    }
    Set<String> failed = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    results.testEvents().finished().stream().forEach(e -> {
      TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
      String id = ruleId(e);
      Throwable t = r.getThrowable().orElse(null);
      boolean killed = r.getStatus() == TestExecutionResult.Status.FAILED
          || (r.getStatus() == TestExecutionResult.Status.ABORTED && t instanceof RecommendationNotMet);
      if (r.getStatus() == TestExecutionResult.Status.ABORTED && !killed) {
        String reason = String.valueOf(t == null ? null : t.getMessage());
        if (!reason.contains("BACKEND_RESTART not declared")) {
          problems.add(id + " was skipped unexpectedly: " + reason);
        }
      }
      if (killed) {
        failed.add(id);
        String message = String.valueOf(t.getMessage());
        messages.put(id, message.lines().findFirst().orElse(message));
        if (!message.startsWith(id + " [")) {
          problems.add(id + " failure message does not start with '" + id + " [': " + message);
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
          if (c instanceof NullPointerException && c.getStackTrace().length > 0
              && c.getStackTrace()[0].getClassName().startsWith("io.micronats.tck")) {
            problems.add(id + " failed with a NullPointerException inside the TCK: " + c);
          }
        }
      }
    });
    if (!problems.isEmpty()) {
      throw new AssertionError("mutant " + m.name() + " on " + harness.getSimpleName() + ": " + problems);
    }
    return failed;
  }

  static String ruleId(Event e) {
    String name = e.getTestDescriptor().getDisplayName();
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}
