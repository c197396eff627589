/**
 * Implementation details shared by the NATS transport, broker, registry and cluster launcher:
 * connection access, header encoding, and a small JSON reader and writer (the registry's wire
 * format and nats-server's monitoring answers). Not for users; may change at any time.
 */
@NullMarked
package io.micronats.nats.internal;

import org.jspecify.annotations.NullMarked;
