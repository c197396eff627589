/**
 * A thin RPC layer over the three roles, like go-micro's client and server: an
 * {@link io.micronats.spi.rpc.RpcServer} serves named endpoints of a versioned service over a
 * {@link io.micronats.spi.transport.Transport} and keeps its node registered in a
 * {@link io.micronats.spi.registry.Registry}; an {@link io.micronats.spi.rpc.RpcClient} finds the
 * service through a watch-fed cache, picks a node with a {@link io.micronats.spi.rpc.Selector},
 * and calls it over pooled connections.
 *
 * <pre>{@code
 * try (RpcServer server = RpcServer.builder().name("greeter").version("1.0.0")
 *          .transport(transport).registry(registry)
 *          .endpoint("Greeter.Hello", request -> Message.of("hello " + request.bodyAsString()))
 *          .build().start();
 *      RpcClient client = RpcClient.builder().transport(transport).registry(registry).build()) {
 *   Message reply = client.call("greeter", "Greeter.Hello", Message.of("world"), Duration.ofSeconds(2));
 * }
 * }</pre>
 *
 * <h2>Wire protocol</h2>
 * One request and one response per exchange on a transport socket, one exchange at a time per
 * socket; the server answers through {@link io.micronats.spi.transport.Transport#serve}. The request is the caller's message plus the header {@value
 * io.micronats.spi.rpc.RpcHeaders#ENDPOINT} naming the endpoint. A successful response is the
 * handler's message as it returned it. A failed one has the header {@value
 * io.micronats.spi.rpc.RpcHeaders#ERROR} (the error text, printable ASCII), the header {@value
 * io.micronats.spi.rpc.RpcHeaders#ERROR_CODE} (400 no endpoint header, 404 unknown endpoint, 500
 * handler failure) and the full error text as a UTF-8 body; the client turns it into a
 * {@link io.micronats.spi.rpc.RemoteException}.
 */
@NullMarked
package io.micronats.spi.rpc;

import org.jspecify.annotations.NullMarked;
