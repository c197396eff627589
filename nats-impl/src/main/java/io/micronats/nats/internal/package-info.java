/**
 * Implementation details shared by the NATS transport, broker and registry: connection access,
 * header encoding, and a small JSON reader and writer. Not for users; may change at any time.
 */
@NullMarked
package io.micronats.nats.internal;

import org.jspecify.annotations.NullMarked;
