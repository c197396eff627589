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

  /** BRK-031 to BRK-033: churn from many threads, several instances, after close(). */
  @Nested
  class Edges extends BrokerEdgeRules {
    @Override
    protected TckTarget target() {
      return BrokerContract.this.target();
    }
  }

  /** BRK-034 to BRK-036: samples that show a 1-in-1,000 defect. */
  @Nested
  class Sampling extends BrokerSamplingRules {
    @Override
    protected TckTarget target() {
      return BrokerContract.this.target();
    }
  }
}
