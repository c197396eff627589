/** Measurement: HdrHistogram recorders, interval collection, sequence-number accounting, CPU and server statistics. */
@NullMarked
package io.micronats.simulator.measure;

import org.jspecify.annotations.NullMarked;
