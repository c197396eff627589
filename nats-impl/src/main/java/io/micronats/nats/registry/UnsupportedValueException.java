package io.micronats.nats.registry;

import io.micronats.spi.RegistryException;

/**
 * An answer for the service looked up held a value that go-micro's JSON allows but micronats'
 * data model refuses (a node with an empty id, a service name with whitespace or wildcards, an
 * endpoint without a name, a value tree deeper than 32 levels): the lookup fails with this
 * rather than return the service without it. The message names the service, the value and why.
 *
 * <p>Seen by {@link NatsRegistry#getService}; {@code listServices} leaves such services out and
 * watchers do not see such events, both counted in {@link RegistryStats#refused()} and logged.
 */
public final class UnsupportedValueException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** @param message what was refused, in which service, and why */
  public UnsupportedValueException(String message) {
    super(message);
  }
}
