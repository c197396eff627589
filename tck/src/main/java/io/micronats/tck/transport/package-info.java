/**
 * Transport rules (TRN-nnn) as abstract JUnit 5 classes.
 */
@NullMarked
package io.micronats.tck.transport;

import org.jspecify.annotations.NullMarked;
