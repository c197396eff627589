/** Scenario files: immutable records, the YAML parser, defaults and validation. */
@NullMarked
package io.micronats.simulator.scenario;

import org.jspecify.annotations.NullMarked;
