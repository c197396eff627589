/**
 * The NATS transport: socket-like connections over NATS subjects.
 *
 * <p>{@link io.micronats.nats.transport.NatsTransport} listens on a subject (the listener's
 * address) and dials by giving each client socket its own reply subject; a pseudo-connection is
 * the pair (listener subject, client reply subject). Unlike go-micro's NATS transport, a close on
 * either end reaches the other at once, backlogs are bounded, oversized messages fail before
 * anything is sent, and dialling an address where nobody listens fails fast.
 */
@NullMarked
package io.micronats.nats.transport;

import org.jspecify.annotations.NullMarked;
