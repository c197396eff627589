/** JMH benchmarks of the hot paths, run by the jmh subcommand and never by the test suite. */
@NullMarked
package io.micronats.simulator.jmh;

import org.jspecify.annotations.NullMarked;
