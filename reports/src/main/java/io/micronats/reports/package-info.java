/** micronats reports. */
@NullMarked
package io.micronats.reports;

import org.jspecify.annotations.NullMarked;
