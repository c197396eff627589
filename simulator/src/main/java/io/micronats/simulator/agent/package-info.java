/**
 * Runs beyond one machine: a {@link io.micronats.simulator.agent.Coordinator} splits a run's fleet
 * and load into shares and hands one to each {@link io.micronats.simulator.agent.Agent} over NATS
 * subjects ({@link io.micronats.simulator.agent.AgentSubjects}); agents run their share and send
 * back counts and HdrHistograms ({@link io.micronats.simulator.agent.HistogramCodec}), which the
 * coordinator merges into one result.
 *
 * <p>Protocol (JSON bodies, all subjects under {@code micronats.sim.<run>}): an agent requests
 * {@code .join} until the coordinator acknowledges; the coordinator requests
 * {@code .agent.<name>.assign} with an {@link io.micronats.simulator.agent.Assignment}; the agent
 * publishes its {@link io.micronats.simulator.agent.AgentReport} on {@code .report}.
 */
@NullMarked
package io.micronats.simulator.agent;

import org.jspecify.annotations.NullMarked;
