/**
 * Registry rules (REG-nnn) as abstract JUnit 5 classes.
 */
@NullMarked
package io.micronats.tck.registry;

import org.jspecify.annotations.NullMarked;
