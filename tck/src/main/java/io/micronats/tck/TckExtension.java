package io.micronats.tck;

import io.micronats.tck.env.TestEnvironment;
import io.micronats.tck.rules.Area;
import io.micronats.tck.rules.Level;
import io.micronats.tck.rules.RecommendationNotMet;
import io.micronats.tck.rules.Rule;
import io.micronats.tck.rules.RuleCatalogue;
import io.micronats.tck.rules.RuleTest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind every rule test: it skips a rule whose role or capability
 * the target does not provide (with the reason), runs the rule on its own thread bounded by the
 * rule timeout, checks the async-error collector, closes what the test opened, and starts every
 * failure message with the rule ID, level and troubleshooting text.
 *
 * <p>Stateless apart from the {@link TestEnvironment} it keeps in the root extension store;
 * thread-safe. Registered by {@link RuleGroup}; users never register it themselves.
 *
 * <p>Configuration parameter {@value #RECOMMENDED_PARAMETER}: {@code warn} (default) reports a
 * failed RECOMMENDED rule as aborted ({@link RecommendationNotMet}); {@code fail} as a failure.
 */
public final class TckExtension implements InvocationInterceptor {

  /** Parameter choosing how failed RECOMMENDED rules are reported: {@code warn} or {@code fail}. */
  public static final String RECOMMENDED_PARAMETER = "micronats.tck.recommended";

  private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** Used by JUnit. */
  public TckExtension() {}

  /** The environment of this engine run, built once from the configuration parameters. */
  public static TestEnvironment environment(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.create(TckExtension.class))
        .getOrComputeIfAbsent(TestEnvironment.class, k -> {
          TestEnvironment env = TestEnvironment.from(context::getConfigurationParameter, System.getenv());
          if (ANNOUNCED.compareAndSet(false, true)) {
            System.err.println("micronats TCK: " + env.describe());
          }
          return env;
        }, TestEnvironment.class);
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    RuleTest annotation = invocationContext.getExecutable().getAnnotation(RuleTest.class);
    Object instance = invocationContext.getTarget().orElse(null);
    if (annotation == null || !(instance instanceof RuleGroup group)) {
      invocation.proceed();
      return;
    }
    Rule rule = RuleCatalogue.standard().rule(annotation.value());
    TestEnvironment env = environment(context);
    TckTarget target;
    try {
      target = group.target();
    } catch (TestAbortedException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw new AssertionError(rule.id() + ": expected target() to supply the implementation under test, but it threw " + e, e);
    }
    skipUnlessApplicable(rule, target);
    group.begin(rule, env, target);
    Throwable failure = runBounded(invocation, group, rule, env);
    List<Throwable> closeProblems = group.closeAll();
    if (failure == null && !closeProblems.isEmpty()) {
      failure = closeProblems.get(0);
    }
    if (failure == null) {
      return;
    }
    throw translate(failure, rule, context);
  }

  private static void skipUnlessApplicable(Rule rule, TckTarget target) {
    for (Role role : rolesOf(rule.area())) {
      if (!target.provides(role)) {
        throw new TestAbortedException(rule.id() + " skipped: " + target.name() + " provides no "
            + role.name().toLowerCase(Locale.ROOT));
      }
    }
    Capability capability = rule.capability();
    if (capability != null) {
      if (!target.capabilities().contains(capability)) {
        throw new TestAbortedException(rule.id() + " skipped: capability " + capability + " not declared");
      }
      if (capability == Capability.BACKEND_RESTART && target.backendControl().isEmpty()) {
        throw new AssertionError(rule.id() + " [OPTIONAL " + capability + "] expected a BackendControl with the declared "
            + "capability BACKEND_RESTART, but the target supplies none (TckTarget.withBackendControl)");
      }
    }
  }

  private static List<Role> rolesOf(Area area) {
    return switch (area) {
      case TRANSPORT -> List.of(Role.TRANSPORT);
      case BROKER -> List.of(Role.BROKER);
      case REGISTRY -> List.of(Role.REGISTRY);
      case RPC -> List.of(Role.TRANSPORT, Role.REGISTRY);
    };
  }

  private static @Nullable Throwable runBounded(Invocation<Void> invocation, RuleGroup group, Rule rule, TestEnvironment env) {
    FutureTask<Void> task = new FutureTask<>(() -> {
      try {
        invocation.proceed();
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new java.lang.reflect.UndeclaredThrowableException(t);
      }
      group.errors().assertNone();
      return null;
    });
    Thread worker = new Thread(task, "tck-rule-" + rule.id() + "-" + THREADS.incrementAndGet());
    worker.setDaemon(true);
    worker.start();
    try {
      task.get(env.ruleTimeout().toNanos(), TimeUnit.NANOSECONDS);
      return null;
    } catch (TimeoutException e) {
      StackTraceElement[] stack = worker.getStackTrace();
      worker.interrupt();
      AssertionError hung = new AssertionError("expected the rule to finish within its hard cap of "
          + env.ruleTimeout().toMillis() + " ms, but it was still running: the implementation hung");
      Throwable where = new Throwable("where the rule was blocked");
      where.setStackTrace(stack);
      hung.initCause(where);
      return hung;
    } catch (ExecutionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.interrupt();
      return e;
    }
  }

  private static Throwable translate(Throwable failure, Rule rule, ExtensionContext context) {
    String level = rule.level() + (rule.capability() == null ? "" : " " + rule.capability());
    if (failure instanceof TestAbortedException aborted) {
      String message = aborted.getMessage() == null ? "" : aborted.getMessage();
      return message.startsWith(rule.id()) ? aborted : new TestAbortedException(rule.id() + " skipped: " + message, aborted);
    }
    String detail = failure instanceof AssertionError
        ? String.valueOf(failure.getMessage())
        : "the implementation threw " + failure;
    String message = rule.id() + " [" + level + "] " + detail + "\n    rule: " + rule.statement()
        + "\n    troubleshooting: " + rule.troubleshooting()
        + "\n    seed: " + environment(context).seed() + " (rerun: " + TestEnvironment.rerunHint(environment(context).seed())
        + ")";
    boolean warnOnly = !"fail".equals(context.getConfigurationParameter(RECOMMENDED_PARAMETER).orElse("warn"));
    if (rule.level() == Level.RECOMMENDED && warnOnly) {
      return new RecommendationNotMet(message, failure);
    }
    return new AssertionError(message, failure);
  }
}
