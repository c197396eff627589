/**
 * Broker rules (BRK-nnn) as abstract JUnit 5 classes.
 */
@NullMarked
package io.micronats.tck.broker;

import org.jspecify.annotations.NullMarked;
