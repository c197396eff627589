/** The raw-jnats baseline: request/reply and publish/subscribe without micronats. */
@NullMarked
package io.micronats.simulator.baseline;

import org.jspecify.annotations.NullMarked;
