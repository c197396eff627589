/** Where a run prints its progress and result lines; the bottom rung, usable from every package. */
@NullMarked
package io.micronats.simulator.console;

import org.jspecify.annotations.NullMarked;
