package io.micronats.tck.rpc;

import io.micronats.tck.TckTarget;
import org.junit.jupiter.api.Nested;

/**
 * The RPC contract: every RPC rule, run over the target's transport and registry.
 *
 * <p>JUnit creates one instance per rule test. A plugin author subclasses it in {@code src/test}:
 *
 * <pre>{@code
 * class AcmeRpcContractTest extends RpcContract {
 *   @Override protected TckTarget target() { return TckTarget.plugin("acme"); }
 * }
 * }</pre>
 *
 * <p>Not the whole TCK: {@code io.micronats.tck.MicronatsTck} runs every role's rules.
 */
public abstract class RpcContract {

  /** The implementation under test. */
  protected abstract TckTarget target();

  /** RPC-001 to RPC-009. */
  @Nested
  class Calls extends RpcRules {
    @Override
    protected TckTarget target() {
      return RpcContract.this.target();
    }
  }
}
