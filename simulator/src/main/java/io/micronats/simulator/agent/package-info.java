/**
 * Runs beyond one machine: a {@link io.micronats.simulator.agent.Coordinator} gives each
 * {@link io.micronats.simulator.agent.Agent} its share of a scenario's fleet and load over NATS
 * subjects ({@link io.micronats.simulator.agent.AgentSubjects}); each agent hosts its share of the
 * fake services and runs its share of every workload through the plugin stack
 * ({@link io.micronats.simulator.agent.AgentRun}, reusing the simulator's workload classes), and
 * the coordinator merges the agents' phases, HdrHistograms and broker sequence accounting into one
 * result ({@link io.micronats.simulator.agent.DistributedMerge},
 * {@link io.micronats.simulator.agent.BrokerAccounting}).
 *
 * <p>Protocol (JSON bodies, all subjects under {@code micronats.sim.<run>}): an agent requests
 * {@code .join} until the coordinator acknowledges; the coordinator requests
 * {@code .agent.<name>.assign} with an {@link io.micronats.simulator.agent.Assignment} (which
 * carries the scenario); agents publish {@code .heartbeat} and the coordinator
 * {@code .coordinator} every 500 ms; before each step agents publish {@code .ready} and wait for
 * the coordinator's {@code .go} (a common start time); queue-group probes are shared on
 * {@code .broker.group-probed}; each agent publishes its
 * {@link io.micronats.simulator.agent.AgentReport} on {@code .report}; on failure the coordinator
 * publishes {@code .abort}.
 */
@NullMarked
package io.micronats.simulator.agent;

import org.jspecify.annotations.NullMarked;
