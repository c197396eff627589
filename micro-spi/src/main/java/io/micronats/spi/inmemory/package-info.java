/**
 * In-memory implementations of the three roles, plugin name {@code memory}: real, strict
 * implementations for tests, samples and the TCK's positive control, not mocks.
 *
 * <p>Instances share state through an {@link io.micronats.spi.inmemory.InMemoryHub}: a listener of
 * one {@link io.micronats.spi.inmemory.InMemoryTransport} can be dialled from another, a
 * registration in one {@link io.micronats.spi.inmemory.InMemoryRegistry} is visible to every
 * other, and a publish on one {@link io.micronats.spi.inmemory.InMemoryBroker} reaches the
 * subscribers of all of them, as long as they use the same hub. The plugin providers pick the hub
 * by the {@code namespace} setting (default {@value io.micronats.spi.inmemory.InMemoryHub#DEFAULT_NAMESPACE});
 * code can also make a private hub with {@link io.micronats.spi.inmemory.InMemoryHub#create()}.
 *
 * <pre>{@code
 * InMemoryHub hub = InMemoryHub.create();
 * try (Transport server = InMemoryTransport.create(hub);
 *      Transport client = InMemoryTransport.create(hub);
 *      Listener listener = server.listen(socket -> socket.send(socket.receive(Duration.ofSeconds(5))));
 *      Socket socket = client.dial(listener.address())) {
 *   socket.send(Message.of("ping"));
 *   Message echo = socket.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Settings (keys of {@link io.micronats.spi.plugin.PluginConfig}):
 * <ul>
 *   <li>{@code namespace}: which shared hub to join (all three roles);</li>
 *   <li>{@code max.payload}: the largest message in bytes (transport and broker; default 1 MiB,
 *       like NATS);</li>
 *   <li>{@code backlog}: messages a socket end buffers before senders wait (transport; default
 *       1024);</li>
 *   <li>{@code send.timeout}: how long a send waits for backlog space (transport; default 5s);</li>
 *   <li>{@code pending.limit}: messages a subscription buffers before dropping (broker; default
 *       65536);</li>
 *   <li>{@code prune.interval}: how often expired registrations are removed (registry; default
 *       100ms).</li>
 * </ul>
 */
@NullMarked
package io.micronats.spi.inmemory;

import org.jspecify.annotations.NullMarked;
