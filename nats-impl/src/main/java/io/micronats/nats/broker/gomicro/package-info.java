/**
 * The {@code go-micro} profile of the NATS broker: go-micro's JSON envelope on the wire, so that
 * go-micro publishers and subscribers exchange messages with micronats ones, headers included.
 */
@NullMarked
package io.micronats.nats.broker.gomicro;

import org.jspecify.annotations.NullMarked;
