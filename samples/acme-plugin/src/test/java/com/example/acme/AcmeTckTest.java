package com.example.acme;

import static io.micronats.tck.Capability.EXCLUSIVE_LISTEN;
import static io.micronats.tck.Capability.REGISTRY_TTL;
import static io.micronats.tck.Capability.WILDCARD_SUBSCRIPTIONS;

import io.micronats.tck.MicronatsTck;
import io.micronats.tck.TckTarget;

/** Every micronats rule against the "acme" plugin; `mvn test` runs it. */
public class AcmeTckTest extends MicronatsTck {
  @Override
  protected TckTarget target() {
    return TckTarget.plugin("acme").withCapabilities(EXCLUSIVE_LISTEN, WILDCARD_SUBSCRIPTIONS, REGISTRY_TTL);
  }
}
