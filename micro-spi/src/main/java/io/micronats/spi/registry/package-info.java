/**
 * The Registry role: service discovery.
 *
 * <p>A {@link io.micronats.spi.registry.Service} has a name, a version, metadata,
 * {@link io.micronats.spi.registry.Endpoint}s and the {@link io.micronats.spi.registry.Node}s that
 * serve it. Services {@link io.micronats.spi.registry.Registry#register register} their nodes,
 * optionally with a TTL ({@link io.micronats.spi.registry.RegisterOptions}); clients call
 * {@link io.micronats.spi.registry.Registry#getService getService} or
 * {@link io.micronats.spi.registry.Registry#watch() watch} and read
 * {@link io.micronats.spi.registry.WatchEvent}s from a {@link io.micronats.spi.registry.Watcher}.
 *
 * <p>The rules an implementation must keep are the {@code REG-nnn} rules of the micronats TCK.
 */
@NullMarked
package io.micronats.spi.registry;

import org.jspecify.annotations.NullMarked;
