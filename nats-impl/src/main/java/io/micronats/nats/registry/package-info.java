/**
 * The NATS registry: service discovery by broadcast queries, as go-micro's NATS registry does it,
 * with what go-micro lacks.
 *
 * <p>There is no central store. Each {@link io.micronats.nats.registry.NatsRegistry} keeps the
 * services registered through it and answers queries about them on a query subject; changes go
 * out as events on a watch subject. Lookups finish as soon as their answer is known
 * ({@link io.micronats.nats.registry.LookupStrategy}), TTLs are honoured by the owner and, for
 * crashed owners, by every watcher, and {@link io.micronats.nats.registry.WireProfile#GO_MICRO}
 * speaks go-micro's subjects and JSON so Java and Go services see each other.
 */
@NullMarked
package io.micronats.nats.registry;

import org.jspecify.annotations.NullMarked;
