/** The fleet of fake services: registration, RPC endpoints and broker subscriptions. */
@NullMarked
package io.micronats.simulator.fleet;

import org.jspecify.annotations.NullMarked;
