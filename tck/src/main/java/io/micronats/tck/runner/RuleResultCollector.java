package io.micronats.tck.runner;

import io.micronats.tck.rules.RecommendationNotMet;
import io.micronats.tck.rules.Rule;
import io.micronats.tck.rules.RuleCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A JUnit Platform listener that turns test events into one {@link RuleResult} per rule, by the
 * rule ID that starts each rule test's display name.
 *
 * <p>Thread-safe (JUnit may report from several threads). A failed RECOMMENDED rule, which JUnit
 * shows as aborted ({@link RecommendationNotMet}), counts as FAILED; other aborted tests as
 * SKIPPED with their reason. Catalogued rules that never ran are SKIPPED "not run".
 */
public final class RuleResultCollector implements TestExecutionListener {

  private final RuleCatalogue catalogue;
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Map<String, RuleResult> results = new ConcurrentHashMap<>();

  /** A collector for the rules of {@code catalogue}. */
  public RuleResultCollector(RuleCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The rule ID a test's display name starts with, if any. */
  public static Optional<String> ruleIdOf(TestIdentifier test) {
    String name = test.getDisplayName();
    int space = name.indexOf(' ');
    String first = space < 0 ? name : name.substring(0, space);
    return Rule.isRuleId(first) ? Optional.of(first) : Optional.empty();
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    if (test.isTest()) {
      ruleIdOf(test).ifPresent(id -> started.put(id, System.nanoTime()));
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    ruleIdOf(test).flatMap(catalogue::find).ifPresent(rule ->
        results.put(rule.id(), new RuleResult(rule, RuleResult.Status.SKIPPED, reason, 0)));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
      return;
    }
    Optional<Rule> rule = ruleIdOf(test).flatMap(catalogue::find);
    if (rule.isEmpty()) {
      return;
    }
    Long start = started.get(rule.get().id());
    long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
    Throwable error = result.getThrowable().orElse(null);
    String message = error == null ? null : String.valueOf(error.getMessage());
    RuleResult.Status status = switch (result.getStatus()) {
      case SUCCESSFUL -> RuleResult.Status.PASSED;
      case FAILED -> RuleResult.Status.FAILED;
      case ABORTED -> error instanceof RecommendationNotMet ? RuleResult.Status.FAILED : RuleResult.Status.SKIPPED;
    };
    results.put(rule.get().id(), new RuleResult(rule.get(), status, message, millis));
  }

  /** One result per catalogued rule, in catalogue order; rules that never ran are SKIPPED "not run". */
  public List<RuleResult> results() {
    List<RuleResult> out = new ArrayList<>();
    for (Rule rule : catalogue.rules()) {
      out.add(results.getOrDefault(rule.id(), new RuleResult(rule, RuleResult.Status.SKIPPED, "not run", 0)));
    }
    return out;
  }
}
