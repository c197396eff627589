/**
 * The micronats TCK: abstract JUnit 5 contract classes that prove a Transport, Broker or
 * Registry plugin keeps the rules of the micronats SPI.
 *
 * <p>A plugin author extends {@link io.micronats.tck.MicronatsTck} (every rule) or one role's
 * contract ({@code TransportContract}, {@code BrokerContract}, {@code RegistryContract},
 * {@code RpcContract}) in {@code src/test} and supplies a {@link io.micronats.tck.TckTarget}:
 *
 * <pre>{@code
 * class AcmeTckTest extends MicronatsTck {
 *   @Override protected TckTarget target() {
 *     return TckTarget.plugin("acme").withCapabilities(WILDCARD_SUBSCRIPTIONS, REGISTRY_TTL);
 *   }
 * }
 * }</pre>
 *
 * <p>Every rule has a stable ID ({@code TRN-nnn}, {@code BRK-nnn}, {@code REG-nnn},
 * {@code RPC-nnn}), a level and troubleshooting text, all in the
 * {@link io.micronats.tck.rules.RuleCatalogue}. Rules of an undeclared
 * {@link io.micronats.tck.Capability} are skipped with the reason; rules of a declared one must
 * pass. Timeouts come from {@link io.micronats.tck.env.TestEnvironment} (one multiplier,
 * {@code -Dmicronats.tck.timeoutMultiplier}). Rule tests are {@code final} and every failure
 * message starts with the rule ID. The command-line runner, {@code io.micronats.tck.runner.TckMain},
 * runs the same rules against a plugin found by {@link java.util.ServiceLoader} and writes a
 * conformance report.
 */
@NullMarked
package io.micronats.tck;

import org.jspecify.annotations.NullMarked;
