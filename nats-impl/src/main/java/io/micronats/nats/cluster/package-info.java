/**
 * Local and remote NATS server layouts for tests, the TCK and the simulator.
 *
 * <p>{@link io.micronats.nats.cluster.NatsCluster} starts real {@code nats-server} processes on
 * 127.0.0.1 with full-mesh routes and gives control over each node (kill, pause, resume, stop,
 * restart on the same ports) plus monitoring snapshots. {@link io.micronats.nats.cluster.NatsBackend}
 * is the common face of the local cluster, a Testcontainers cluster and an external cluster.
 * {@link io.micronats.nats.cluster.AuthLayout} and {@link io.micronats.nats.cluster.TlsLayout}
 * describe security setups whose server config and client settings are generated together.
 */
@NullMarked
package io.micronats.nats.cluster;

import org.jspecify.annotations.NullMarked;
