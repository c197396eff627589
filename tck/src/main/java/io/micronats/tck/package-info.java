/** micronats tck. */
@NullMarked
package io.micronats.tck;

import org.jspecify.annotations.NullMarked;
