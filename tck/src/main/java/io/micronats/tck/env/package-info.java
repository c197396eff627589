/**
 * The TCK's test environment: timeouts with one multiplier, seeded randomness, unique names, the async-error collector and the delivery-history checker.
 */
@NullMarked
package io.micronats.tck.env;

import org.jspecify.annotations.NullMarked;
