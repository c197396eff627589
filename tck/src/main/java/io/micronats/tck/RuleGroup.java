package io.micronats.tck;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.env.AsyncErrors;
import io.micronats.tck.env.TestEnvironment;
import io.micronats.tck.env.TestNames;
import io.micronats.tck.rules.Rule;
import io.micronats.tck.rules.RuleDisplayNames;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every abstract TCK rule class: it gives a rule test fresh instances from the
 * {@link TckTarget}, the {@link TestEnvironment}, unique names and an {@link AsyncErrors}
 * collector, and closes what the test opened.
 *
 * <p>One instance per rule test (JUnit's default lifecycle), used by the test's thread and the
 * {@link TckExtension}; not for concurrent use by several tests. Subclasses supply
 * {@link #target()}; the rule methods themselves are {@code final}.
 *
 * <pre>{@code
 * class AcmeTransportTest extends TransportContract {
 *   @Override protected TckTarget target() { return TckTarget.plugin("acme"); }
 * }
 * }</pre>
 */
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(RuleDisplayNames.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
public abstract class RuleGroup {

  private @Nullable Rule rule;
  private @Nullable TestEnvironment env;
  private @Nullable TestNames names;
  private @Nullable TckTarget target;
  private final AsyncErrors errors = new AsyncErrors();
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private @Nullable Transport transport;
  private @Nullable Broker broker;
  private @Nullable Registry registry;

  /** The implementation under test. Called once per rule test; may build a new target each time. */
  protected abstract TckTarget target();

  final void begin(Rule current, TestEnvironment environment, TckTarget resolved) {
    this.rule = current;
    this.env = environment;
    this.names = new TestNames(current.id());
    this.target = resolved;
  }

  /** Closes everything the test opened, newest first, each bounded by the wait timeout; returns the problems. */
  final List<Throwable> closeAll() {
    List<Throwable> problems = new ArrayList<>();
    while (true) {
      AutoCloseable resource;
      synchronized (resources) {
        resource = resources.pollFirst();
      }
      if (resource == null) {
        return problems;
      }
      try {
        env().bounded("close() of " + resource.getClass().getName(), () -> {
          resource.close();
          return null;
        });
      } catch (Throwable t) {
        problems.add(t);
      }
    }
  }

  /** The rule being tested. */
  protected final Rule rule() {
    return require(rule);
  }

  /** Timeouts, quiet window and seed. */
  protected final TestEnvironment env() {
    return require(env);
  }

  /** The target resolved for this test (the result of {@link #target()}). */
  protected final TckTarget tck() {
    return require(target);
  }

  /** Failures on implementation threads; checked after the test. */
  protected final AsyncErrors errors() {
    return errors;
  }

  /** A unique name (topic, address, service) ending in {@code what}. */
  protected final String unique(String what) {
    return require(names).unique(what);
  }

  /** Registers {@code resource} to be closed after the test; returns it. */
  protected final <T extends AutoCloseable> T closeLater(T resource) {
    synchronized (resources) {
      resources.addFirst(resource);
    }
    return resource;
  }

  /** The test's first transport, created on first use. */
  protected final synchronized Transport transport() {
    if (transport == null) {
      transport = newTransport();
    }
    return transport;
  }

  /** Another transport instance on the same backend. */
  protected final Transport newTransport() {
    return closeLater(tck().newTransport());
  }

  /** The test's first broker, created and connected on first use. */
  protected final synchronized Broker broker() {
    if (broker == null) {
      broker = newBroker();
      broker.connect();
    }
    return broker;
  }

  /** Another broker instance on the same backend, not yet connected. */
  protected final Broker newBroker() {
    return closeLater(tck().newBroker());
  }

  /** Another broker instance on the same backend, connected. */
  protected final Broker newConnectedBroker() {
    Broker b = newBroker();
    b.connect();
    return b;
  }

  /** The test's first registry, created on first use. */
  protected final synchronized Registry registry() {
    if (registry == null) {
      registry = newRegistry();
    }
    return registry;
  }

  /** Another registry instance on the same backend. */
  protected final Registry newRegistry() {
    return closeLater(tck().newRegistry());
  }

  /**
   * Runs {@code call} on a new daemon thread; the future completes with its result, or with what
   * it threw as the value (never exceptionally), so a test can inspect either.
   */
  protected final CompletableFuture<Object> inBackground(Callable<?> call) {
    CompletableFuture<Object> result = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        result.complete(call.call());
      } catch (Throwable t) {
        result.complete(t);
      }
    }, "tck-background-" + rule().id());
    thread.setDaemon(true);
    thread.start();
    return result;
  }

  /**
   * The number of independent trials this sampling rule runs: {@code trials=N} of its catalogue
   * entry, or {@code thorough=M} in thorough mode ({@link TestEnvironment#thorough()}).
   */
  protected final int trials() {
    return rule().trials(env().thorough());
  }

  /** Bytes 0..n-1 from the rule's seeded random generator. */
  protected final byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    env().random(rule().id() + n).nextBytes(bytes);
    return bytes;
  }

  /**
   * Asserts that {@code call} throws {@code type} (or a subtype) within the wait timeout.
   *
   * @return the exception, for further checks
   * @throws AssertionError "expected WHAT to throw TYPE, but ..." when it returned, threw something else, or hung
   */
  protected final <X extends Throwable> X expectThrows(Class<X> type, String what, Callable<?> call) throws Exception {
    return expectThrows(type, what, env().waitTimeout(), call);
  }

  /** {@link #expectThrows(Class, String, Callable)} with an explicit time limit. */
  protected final <X extends Throwable> X expectThrows(Class<X> type, String what, Duration limit, Callable<?> call)
      throws Exception {
    Object result;
    try {
      result = env().bounded(what, limit, call);
    } catch (AssertionError e) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
      throw new AssertionError("expected " + what + " to throw " + type.getSimpleName() + " promptly, but "
          + e.getMessage(), e.getCause());
    } catch (Throwable t) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      throw new AssertionError("expected " + what + " to throw " + type.getSimpleName() + ", but it threw " + t, t);
    }
    throw new AssertionError("expected " + what + " to throw " + type.getSimpleName() + ", but it returned normally"
        + (result == null ? "" : " with " + result));
  }

  /**
   * Fails unless {@code condition} holds.
   *
   * @throws AssertionError "expected EXPECTED, but ACTUAL"
   */
  protected static void check(boolean condition, String expected, Object actual) {
    if (!condition) {
      throw new AssertionError("expected " + expected + ", but " + actual);
    }
  }

  private static <T> T require(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("the TCK context is available only inside a rule test run by TckExtension");
    }
    return value;
  }
}
