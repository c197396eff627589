package io.micronats.tck.transport;

import io.micronats.tck.TckTarget;
import org.junit.jupiter.api.Nested;

/**
 * The Transport contract: every TRN rule, as one abstract class whose nested groups share the
 * subclass's {@link #target()}.
 *
 * <p>JUnit creates one instance per rule test. A plugin author subclasses it in {@code src/test}:
 *
 * <pre>{@code
 * class AcmeTransportContractTest extends TransportContract {
 *   @Override protected TckTarget target() { return TckTarget.plugin("acme"); }
 * }
 * }</pre>
 *
 * <p>Not the whole TCK: {@code io.micronats.tck.MicronatsTck} runs the broker, registry and RPC
 * rules as well.
 */
public abstract class TransportContract {

  /** The implementation under test. */
  protected abstract TckTarget target();

  /** TRN-001 to TRN-014. */
  @Nested
  class Exchange extends TransportExchangeRules {
    @Override
    protected TckTarget target() {
      return TransportContract.this.target();
    }
  }

  /** TRN-015 to TRN-028. */
  @Nested
  class Lifecycle extends TransportLifecycleRules {
    @Override
    protected TckTarget target() {
      return TransportContract.this.target();
    }
  }

  /** TRN-029 to TRN-034. */
  @Nested
  class Serve extends TransportServeRules {
    @Override
    protected TckTarget target() {
      return TransportContract.this.target();
    }
  }

  /** TRN-035 to TRN-037: close while others send, several instances, one instance closed. */
  @Nested
  class Edges extends TransportEdgeRules {
    @Override
    protected TckTarget target() {
      return TransportContract.this.target();
    }
  }

  /** TRN-038: a sample that shows a 1-in-1,000 defect. */
  @Nested
  class Sampling extends TransportSamplingRules {
    @Override
    protected TckTarget target() {
      return TransportContract.this.target();
    }
  }
}
