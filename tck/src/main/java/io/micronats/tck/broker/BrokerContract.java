package io.micronats.tck.broker;

import io.micronats.tck.TckTarget;
import org.junit.jupiter.api.Nested;

/**
 * The Broker contract: every BRK rule, as one abstract class whose nested groups share the
 * subclass's {@link #target()}.
 *
 * <p>JUnit creates one instance per rule test. A plugin author subclasses it in {@code src/test}:
 *
 * <pre>{@code
 * class AcmeBrokerContractTest extends BrokerContract {
 *   @Override protected TckTarget target() { return TckTarget.plugin("acme"); }
 * }
 * }</pre>
 *
 * <p>Not the whole TCK: {@code io.micronats.tck.MicronatsTck} runs every role's rules.
 */
public abstract class BrokerContract {

  /** The implementation under test. */
  protected abstract TckTarget target();

  /** BRK-001 to BRK-016. */
  @Nested
  class Delivery extends BrokerDeliveryRules {
    @Override
    protected TckTarget target() {
      return BrokerContract.this.target();
    }
  }

  /** BRK-017 to BRK-030. */
  @Nested
  class Lifecycle extends BrokerLifecycleRules {
    @Override
    protected TckTarget target() {
      return BrokerContract.this.target();
    }
  }
}
