/**
 * Link faults without root: an in-JVM TCP proxy ({@link io.micronats.nats.cluster.proxy.LinkProxy})
 * that can add latency and jitter, go silent without closing, cut its connections and refuse new
 * ones; and {@link io.micronats.nats.cluster.proxy.ProxyMesh}, one proxy in front of every node's
 * client port and one per ordered pair of nodes on the route ports, so that a partition between two
 * nodes is a fault on the two route proxies between them.
 *
 * <p>{@code tc netem} is absent on the target machine; this proxy is the portable fault backend.
 */
@NullMarked
package io.micronats.nats.cluster.proxy;

import org.jspecify.annotations.NullMarked;
