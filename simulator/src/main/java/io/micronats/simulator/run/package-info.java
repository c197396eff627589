/** The engine that runs a scenario: cluster, fleet, workloads, progress and results. */
@NullMarked
package io.micronats.simulator.run;

import org.jspecify.annotations.NullMarked;
