/** Load generation: the load plan, the open-model pacer and the closed-loop driver. */
@NullMarked
package io.micronats.simulator.load;

import org.jspecify.annotations.NullMarked;
