/** Backends that provide the NATS servers a run talks to: local processes or external URLs. */
@NullMarked
package io.micronats.simulator.cluster;

import org.jspecify.annotations.NullMarked;
