/** micronats simulator. */
@NullMarked
package io.micronats.simulator;

import org.jspecify.annotations.NullMarked;
