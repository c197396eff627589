package io.micronats.tck.registry;

import io.micronats.tck.TckTarget;
import org.junit.jupiter.api.Nested;

/**
 * The Registry contract: every REG rule, as one abstract class whose nested groups share the
 * subclass's {@link #target()}.
 *
 * <p>JUnit creates one instance per rule test. A plugin author subclasses it in {@code src/test}:
 *
 * <pre>{@code
 * class AcmeRegistryContractTest extends RegistryContract {
 *   @Override protected TckTarget target() { return TckTarget.plugin("acme"); }
 * }
 * }</pre>
 *
 * <p>Not the whole TCK: {@code io.micronats.tck.MicronatsTck} runs every role's rules.
 */
public abstract class RegistryContract {

  /** The implementation under test. */
  protected abstract TckTarget target();

  /** REG-001 to REG-021. */
  @Nested
  class Lookup extends RegistryLookupRules {
    @Override
    protected TckTarget target() {
      return RegistryContract.this.target();
    }
  }

  /** REG-022 to REG-031. */
  @Nested
  class Watch extends RegistryWatchRules {
    @Override
    protected TckTarget target() {
      return RegistryContract.this.target();
    }
  }

  /** REG-032 to REG-035: concurrent changes as a history, one instance closed, several versions, empty node lists. */
  @Nested
  class Edges extends RegistryEdgeRules {
    @Override
    protected TckTarget target() {
      return RegistryContract.this.target();
    }
  }
}
