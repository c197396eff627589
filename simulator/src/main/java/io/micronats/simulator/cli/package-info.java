/** The command line: thin picocli adapters that build a LoadPlan and call the engine. */
@NullMarked
package io.micronats.simulator.cli;

import org.jspecify.annotations.NullMarked;
