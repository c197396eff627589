package io.micronats.tck;

import io.micronats.tck.broker.BrokerDeliveryRules;
import io.micronats.tck.broker.BrokerEdgeRules;
import io.micronats.tck.broker.BrokerLifecycleRules;
import io.micronats.tck.broker.BrokerSamplingRules;
import io.micronats.tck.registry.RegistryEdgeRules;
import io.micronats.tck.registry.RegistryLookupRules;
import io.micronats.tck.registry.RegistryWatchRules;
import io.micronats.tck.rpc.RpcRules;
import io.micronats.tck.rules.GroupName;
import io.micronats.tck.transport.TransportEdgeRules;
import io.micronats.tck.transport.TransportExchangeRules;
import io.micronats.tck.transport.TransportLifecycleRules;
import io.micronats.tck.transport.TransportSamplingRules;
import io.micronats.tck.transport.TransportServeRules;
import org.junit.jupiter.api.Nested;

/**
 * The whole micronats TCK in one abstract class: every Transport, Broker, Registry and RPC rule,
 * driven by one {@link #target()}.
 *
 * <p>JUnit creates one instance per rule test. A plugin author verifies a plugin with five lines
 * in {@code src/test} and runs {@code mvn test}:
 *
 * <pre>{@code
 * class AcmeTckTest extends MicronatsTck {
 *   @Override protected TckTarget target() {
 *     return TckTarget.plugin("acme", PluginConfig.of("addresses", "acme://localhost"))
 *         .withCapabilities(Capability.WILDCARD_SUBSCRIPTIONS, Capability.REGISTRY_TTL);
 *   }
 * }
 * }</pre>
 *
 * <p>Roles the target does not provide are skipped with a reason. To verify a single role, extend
 * {@link io.micronats.tck.transport.TransportContract}, {@link io.micronats.tck.broker.BrokerContract},
 * {@link io.micronats.tck.registry.RegistryContract} or {@link io.micronats.tck.rpc.RpcContract}
 * instead. Without writing code: {@code ./micronats tck --plugin acme --out DIR}.
 */
public abstract class MicronatsTck extends TckSetupCheck {

  /** The implementation under test. */
  @Override
  protected abstract TckTarget target();

  /** TRN-001 to TRN-014. */
  @Nested
  @GroupName("Transport: exchange")
  class TransportExchange extends TransportExchangeRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** TRN-015 to TRN-028. */
  @Nested
  @GroupName("Transport: lifecycle")
  class TransportLifecycle extends TransportLifecycleRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** TRN-029 to TRN-034. */
  @Nested
  @GroupName("Transport: serve")
  class TransportServe extends TransportServeRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** BRK-001 to BRK-016. */
  @Nested
  @GroupName("Broker: delivery")
  class BrokerDelivery extends BrokerDeliveryRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** BRK-017 to BRK-030. */
  @Nested
  @GroupName("Broker: lifecycle")
  class BrokerLifecycle extends BrokerLifecycleRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** REG-001 to REG-021. */
  @Nested
  @GroupName("Registry: lookups")
  class RegistryLookup extends RegistryLookupRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** REG-022 to REG-031. */
  @Nested
  @GroupName("Registry: watch")
  class RegistryWatch extends RegistryWatchRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** TRN-035 to TRN-037: close while others send, several instances, one instance closed. */
  @Nested
  @GroupName("Transport: concurrency, instances, lifecycle")
  class TransportEdges extends TransportEdgeRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** TRN-038: a sample that shows a 1-in-1,000 defect. */
  @Nested
  @GroupName("Transport: rare faults")
  class TransportSampling extends TransportSamplingRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** BRK-031 to BRK-033: churn from many threads, several instances, after close(). */
  @Nested
  @GroupName("Broker: concurrency, instances, lifecycle")
  class BrokerEdges extends BrokerEdgeRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** BRK-034 to BRK-036: samples that show a 1-in-1,000 defect. */
  @Nested
  @GroupName("Broker: rare faults")
  class BrokerSampling extends BrokerSamplingRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** REG-032 to REG-035: concurrent changes as a history, one instance closed, several versions, empty node lists. */
  @Nested
  @GroupName("Registry: concurrency, instances, lifecycle, shapes")
  class RegistryEdges extends RegistryEdgeRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }

  /** RPC-001 and up. */
  @Nested
  @GroupName("RPC")
  class Rpc extends RpcRules {
    @Override
    protected TckTarget target() {
      return MicronatsTck.this.target();
    }
  }
}
