package io.micronats.simulator.scenario;

import java.time.Duration;

/**
 * The raw-jnats baseline run next to the workloads, with the same payload, concurrency and
 * placement. Immutable.
 *
 * @param enabled whether the baseline runs (needs a NATS backend)
 * @param inFlight concurrent requests for the request/reply comparison
 * @param payloadBytes payload of requests and messages
 * @param duration measured time of each comparison
 * @param repetitions how many times each comparison is repeated (the median is reported)
 */
public record BaselineSpec(boolean enabled, int inFlight, int payloadBytes, Duration duration, int repetitions) {}
