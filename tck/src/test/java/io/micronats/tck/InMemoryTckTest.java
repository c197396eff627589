package io.micronats.tck;

import static io.micronats.tck.Capability.EXCLUSIVE_LISTEN;
import static io.micronats.tck.Capability.REGISTRY_TTL;
import static io.micronats.tck.Capability.WILDCARD_SUBSCRIPTIONS;

/**
 * The positive control and the README's plugin-author example: the in-memory plugin must pass
 * every REQUIRED rule and every rule of the capabilities it declares.
 */
class InMemoryTckTest extends MicronatsTck {
  @Override protected TckTarget target() {
    return TckTarget.plugin("memory").withCapabilities(EXCLUSIVE_LISTEN, WILDCARD_SUBSCRIPTIONS, REGISTRY_TTL);
  }
}
