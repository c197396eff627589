/** micronats nats-impl. */
@NullMarked
package io.micronats.nats;

import org.jspecify.annotations.NullMarked;
