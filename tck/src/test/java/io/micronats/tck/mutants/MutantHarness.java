package io.micronats.tck.mutants;

import io.micronats.tck.TckTarget;
import io.micronats.tck.broker.BrokerContract;
import io.micronats.tck.registry.RegistryContract;
import io.micronats.tck.rpc.RpcContract;
import io.micronats.tck.transport.TransportContract;
import org.opentest4j.TestAbortedException;

/**
 * Concrete contract classes that run against the mutant set by {@link #use}; only the
 * EngineTestKit self-tests select them (their names do not end in Test, so Surefire skips them).
 */
final class MutantHarness {

  private static final InheritableThreadLocal<TckTarget> CURRENT = new InheritableThreadLocal<>();

  private MutantHarness() {}

  static void use(TckTarget target) {
    CURRENT.set(target);
  }

  static void clear() {
    CURRENT.remove();
  }

  static TckTarget current() {
    TckTarget t = CURRENT.get();
    if (t == null) {
      throw new TestAbortedException("runs only from MutantKillTest");
    }
    return t;
  }

  /** The transport contract against the current mutant. */
  static class Transports extends TransportContract {
    @Override protected TckTarget target() {
      return current();
    }
  }

  /** The broker contract against the current mutant. */
  static class Brokers extends BrokerContract {
    @Override protected TckTarget target() {
      return current();
    }
  }

  /** The registry contract against the current mutant. */
  static class Registries extends RegistryContract {
    @Override protected TckTarget target() {
      return current();
    }
  }

  /** The RPC contract against the current mutant. */
  static class Rpcs extends RpcContract {
    @Override protected TckTarget target() {
      return current();
    }
  }
}
