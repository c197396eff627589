package io.micronats.tck.env;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The TCK's timing and randomness: how long to wait for something to happen, how long to watch
 * for something that must not happen, how long a rule may run at most, and the seed of every
 * random choice.
 *
 * <p>Immutable and thread-safe. Values come from JUnit configuration parameters (which include
 * system properties and {@code junit-platform.properties}), then environment variables, then the
 * defaults, which suit a loaded CI machine. One multiplier scales them all:
 *
 * <pre>
 * -Dmicronats.tck.timeoutMultiplier=3      or   MICRONATS_TCK_TIMEOUT_MULTIPLIER=3
 * -Dmicronats.tck.seed=42                   (reproduce a run; the seed is printed at start)
 * </pre>
 *
 * <p>"Wait until" ({@link #awaitTrue}) polls and returns as soon as the condition holds, so a
 * long {@link #waitTimeout()} costs nothing when things work. "Nothing happens"
 * ({@link #assertQuiet}) must wait its whole window, so {@link #quietWindow()} is separate and
 * short.
 */
public final class TestEnvironment {

  /** Configuration parameter / system property of the multiplier. */
  public static final String MULTIPLIER_PARAMETER = "micronats.tck.timeoutMultiplier";
  /** Environment variable of the multiplier, read when the parameter is not set. */
  public static final String MULTIPLIER_VARIABLE = "MICRONATS_TCK_TIMEOUT_MULTIPLIER";
  /** Parameter overriding the wait timeout, in milliseconds (before the multiplier). */
  public static final String WAIT_PARAMETER = "micronats.tck.waitTimeoutMillis";
  /** Parameter overriding the quiet window, in milliseconds (before the multiplier). */
  public static final String QUIET_PARAMETER = "micronats.tck.quietWindowMillis";
  /** Parameter overriding the hard cap of one rule, in milliseconds (before the multiplier). */
  public static final String RULE_TIMEOUT_PARAMETER = "micronats.tck.ruleTimeoutMillis";
  /** Parameter fixing the seed. */
  public static final String SEED_PARAMETER = "micronats.tck.seed";
  /**
   * Parameter (and system property) of the thorough mode, {@code true} or {@code false} (default):
   * sampling rules run the larger samples their catalogue entries state as {@code thorough=M}.
   */
  public static final String THOROUGH_PARAMETER = "micronats.tck.thorough";
  /** Environment variable of the thorough mode, read when the parameter is not set. */
  public static final String THOROUGH_VARIABLE = "MICRONATS_TCK_THOROUGH";
  /** Environment variable fixing the seed, read when the parameter is not set. */
  public static final String SEED_VARIABLE = "MICRONATS_TCK_SEED";

  /** How much larger thorough samples are, and so how much longer a rule may run in thorough mode: {@value}. */
  public static final int THOROUGH_SAMPLE_FACTOR = 10;
  /** Default wait for an expected event: {@value} ms. */
  public static final long DEFAULT_WAIT_MILLIS = 5_000;
  /** Default window for "nothing happens": {@value} ms. */
  public static final long DEFAULT_QUIET_MILLIS = 250;
  /** Default hard cap of one rule: {@value} ms. */
  public static final long DEFAULT_RULE_TIMEOUT_MILLIS = 30_000;

  private static final long JVM_SEED = new SecureRandom().nextLong() & 0xFFFF_FFFFL;
  private static final AtomicInteger HELPERS = new AtomicInteger();

  private final double multiplier;
  private final Duration waitTimeout;
  private final Duration quietWindow;
  private final Duration ruleTimeout;
  private final long seed;
  private final boolean thorough;

  private TestEnvironment(double multiplier, Duration wait, Duration quiet, Duration rule, long seed, boolean thorough) {
    this.thorough = thorough;
    this.multiplier = multiplier;
    this.waitTimeout = wait;
    this.quietWindow = quiet;
    this.ruleTimeout = rule;
    this.seed = seed;
  }

  /**
   * The environment from {@code parameters} (JUnit configuration parameters) and {@code variables}
   * (the process environment).
   *
   * @throws IllegalArgumentException naming the setting when a value is not a number or not positive
   */
  public static TestEnvironment from(Function<String, Optional<String>> parameters, Map<String, String> variables) {
    Optional<String> m = parameters.apply(MULTIPLIER_PARAMETER).or(() -> Optional.ofNullable(variables.get(MULTIPLIER_VARIABLE)));
    double multiplier = m.map(v -> number(MULTIPLIER_PARAMETER, v)).orElse(1.0);
    long wait = parameters.apply(WAIT_PARAMETER).map(v -> (long) number(WAIT_PARAMETER, v)).orElse(DEFAULT_WAIT_MILLIS);
    long quiet = parameters.apply(QUIET_PARAMETER).map(v -> (long) number(QUIET_PARAMETER, v)).orElse(DEFAULT_QUIET_MILLIS);
    long rule = parameters.apply(RULE_TIMEOUT_PARAMETER).map(v -> (long) number(RULE_TIMEOUT_PARAMETER, v))
        .orElse(DEFAULT_RULE_TIMEOUT_MILLIS);
    long seed = parameters.apply(SEED_PARAMETER).or(() -> Optional.ofNullable(variables.get(SEED_VARIABLE)))
        .map(v -> {
          try {
            return Long.parseLong(v.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SEED_PARAMETER + " is not an integer: '" + v + "'", e);
          }
        }).orElse(JVM_SEED);
    boolean thorough = parameters.apply(THOROUGH_PARAMETER).or(() -> Optional.ofNullable(variables.get(THOROUGH_VARIABLE)))
        .map(v -> switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
          case "true", "" -> true;
          case "false" -> false;
          default -> throw new IllegalArgumentException(THOROUGH_PARAMETER + " must be true or false, was '" + v + "'");
        }).orElse(false);
    if (thorough) {
      rule *= THOROUGH_SAMPLE_FACTOR; // samples grow tenfold, and so may the rules that run them
    }
    return new TestEnvironment(multiplier, scaled(wait, multiplier), scaled(quiet, multiplier), scaled(rule, multiplier), seed,
        thorough);
  }

  /** The environment from system properties and environment variables only. */
  public static TestEnvironment fromSystem() {
    return from(key -> Optional.ofNullable(System.getProperty(key)), System.getenv());
  }

  private static double number(String key, String value) {
    try {
      double d = Double.parseDouble(value.trim());
      if (!(d > 0) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(key + " must be a positive number, was '" + value + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " is not a number: '" + value + "'", e);
    }
  }

  private static Duration scaled(long millis, double multiplier) {
    return Duration.ofMillis(Math.max(1, Math.round(millis * multiplier)));
  }

  /** The multiplier applied to every timeout. */
  public double multiplier() {
    return multiplier;
  }

  /** How long to wait for something that should happen. */
  public Duration waitTimeout() {
    return waitTimeout;
  }

  /** How long to watch for something that must not happen. */
  public Duration quietWindow() {
    return quietWindow;
  }

  /** The hard cap of one rule test, after which it fails as hung. */
  public Duration ruleTimeout() {
    return ruleTimeout;
  }

  /** True in thorough mode: sampling rules use their larger {@code thorough} samples. */
  public boolean thorough() {
    return thorough;
  }

  /** The seed of every random choice in this run. */
  public long seed() {
    return seed;
  }

  /** A random generator seeded from the run's seed and {@code salt} (the rule ID), reproducible per rule. */
  public Random random(String salt) {
    return new Random(seed * 31 + salt.hashCode());
  }

  /** {@code millis} scaled by the multiplier. */
  public Duration scaled(long millis) {
    return scaled(millis, multiplier);
  }

  /**
   * Polls {@code condition} until it holds, returning at once when it does.
   *
   * @param expectation what should happen, for the failure message ("the subscriber to receive 10 messages")
   * @param state describes what was observed instead, for the failure message
   * @throws AssertionError "expected ..., but after N ms: state" when it did not happen in time
   */
  public void awaitTrue(String expectation, BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
    long deadline = System.nanoTime() + waitTimeout.toNanos();
    long pause = 1;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("expected " + expectation + " within " + waitTimeout.toMillis()
            + " ms, but it did not happen: " + state.get());
      }
      Thread.sleep(pause);
      pause = Math.min(pause * 2, 20);
    }
  }

  /** {@link #awaitTrue(String, BooleanSupplier, Supplier)} without a state description. */
  public void awaitTrue(String expectation, BooleanSupplier condition) throws InterruptedException {
    awaitTrue(expectation, condition, () -> "the condition stayed false");
  }

  /**
   * Watches for the quiet window that {@code violated} stays false, failing as soon as it turns true.
   *
   * @throws AssertionError "expected ..., but ..." when it turned true
   */
  public void assertQuiet(String expectation, BooleanSupplier violated, Supplier<String> state) throws InterruptedException {
    long deadline = System.nanoTime() + quietWindow.toNanos();
    do {
      if (violated.getAsBoolean()) {
        throw new AssertionError("expected " + expectation + ", but " + state.get());
      }
      Thread.sleep(5);
    } while (System.nanoTime() - deadline < 0);
    if (violated.getAsBoolean()) {
      throw new AssertionError("expected " + expectation + ", but " + state.get());
    }
  }

  /**
   * Runs {@code call} on a helper thread and returns its result, failing when it does not return
   * within {@code limit}; what the call throws is rethrown unchanged.
   *
   * @throws AssertionError "expected ... to return within N ms, but it was still blocked" with the
   *     helper's stack; the helper is interrupted and left behind as a daemon thread
   */
  public <T> T bounded(String what, Duration limit, Callable<T> call) throws Exception {
    FutureTask<T> task = new FutureTask<>(call);
    Thread helper = new Thread(task, "tck-bounded-" + HELPERS.incrementAndGet());
    helper.setDaemon(true);
    helper.start();
    try {
      return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      StackTraceElement[] stack = helper.getStackTrace();
      helper.interrupt();
      AssertionError error = new AssertionError("expected " + what + " to return within " + limit.toMillis()
          + " ms, but it was still blocked");
      Throwable where = new Throwable("where the call was blocked");
      where.setStackTrace(stack);
      error.initCause(where);
      throw error;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** {@link #bounded(String, Duration, Callable)} with the wait timeout. */
  public <T> T bounded(String what, Callable<T> call) throws Exception {
    return bounded(what, waitTimeout, call);
  }

  /** {@link #bounded(String, Duration, Callable)} for a call without a result, with the wait timeout. */
  public void boundedRun(String what, ThrowingRunnable run) throws Exception {
    bounded(what, waitTimeout, () -> {
      run.run();
      return null;
    });
  }

  /** One line for logs and reports. */
  public String describe() {
    return "timeoutMultiplier=" + multiplier + ", waitTimeout=" + waitTimeout.toMillis() + "ms, quietWindow="
        + quietWindow.toMillis() + "ms, ruleTimeout=" + ruleTimeout.toMillis() + "ms, thorough=" + thorough + ", seed=" + seed
        + " (rerun: " + rerunHint(seed) + ")";
  }

  /** How to rerun with {@code seed}, in Maven and in {@code ./micronats tck}. */
  public static String rerunHint(long seed) {
    return "mvn test -D" + SEED_PARAMETER + "=" + seed + ", or ./micronats tck ... --seed " + seed;
  }

  @Override
  public String toString() {
    return "TestEnvironment[" + describe() + "]";
  }

  /** A block of code that may throw. */
  @FunctionalInterface
  public interface ThrowingRunnable {
    /** Runs. */
    void run() throws Exception;
  }
}
