/** The workloads: discovery, RPC and broker, each run in phases. */
@NullMarked
package io.micronats.simulator.workload;

import org.jspecify.annotations.NullMarked;
