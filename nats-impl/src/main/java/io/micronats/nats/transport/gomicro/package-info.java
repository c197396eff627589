/**
 * The {@code go-micro} profile of the NATS transport: go-micro's pseudo-connections (one per reply
 * subject) and its JSON envelope, with micronats' RPC headers mapped to go-micro's at this
 * boundary. See {@code docs/go-micro.md}.
 */
@NullMarked
package io.micronats.nats.transport.gomicro;

import org.jspecify.annotations.NullMarked;
