package io.micronats.nats.cluster.proxy;

/**
 * Counters of one {@link LinkProxy} at one moment.
 *
 * <p>Immutable.
 *
 * @param accepted connections accepted and forwarded
 * @param refused connections reset at once because the proxy was refusing or the target was down
 * @param active connections open now
 * @param cut connections closed by {@link LinkProxy#cut()}
 * @param bytesUpstream bytes written towards the target
 * @param bytesDownstream bytes written back to the connecting side
 */
public record ProxyStats(long accepted, long refused, int active, long cut, long bytesUpstream,
    long bytesDownstream) {}
