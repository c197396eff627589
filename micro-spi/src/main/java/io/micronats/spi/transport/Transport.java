package io.micronats.spi.transport;

import java.time.Duration;

/**
 * A transport: synchronous, socket-like request/response between a dialling client and a
 * listening server.
 *
 * <p>Thread-safe. A transport owns its connections and threads; {@link #close()} closes every
 * listener and socket it opened, releasing callers blocked in them.
 *
 * <pre>{@code
 * try (Transport transport = Plugins.transport("memory", PluginConfig.empty());
 *      Listener listener = transport.listen(socket -> {
 *        Message request = socket.receive(Duration.ofSeconds(5));
 *        socket.send(Message.of("echo: " + request.bodyAsString()));
 *      });
 *      Socket client = transport.dial(listener.address())) {
 *   client.send(Message.of("hi"));
 *   Message reply = client.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Not a message queue: a message sent to a closed or vanished peer is not kept.
 */
public interface Transport extends AutoCloseable {

  /** The dial timeout of {@link #dial(String)}: {@value #DEFAULT_DIAL_TIMEOUT_SECONDS} seconds. */
  int DEFAULT_DIAL_TIMEOUT_SECONDS = 5;

  /** The implementation's name, as its plugin provider reports it (for example {@code nats}). */
  String name();

  /**
   * Listens on {@code address}; {@code handler} is called once for each new connection.
   *
   * @throws IllegalArgumentException when the address is invalid (see {@link io.micronats.spi.Names})
   * @throws io.micronats.spi.TransportException when the address cannot be listened on, for
   *     example because the implementation allows only one listener per address
   * @throws io.micronats.spi.ClosedException when the transport is closed
   */
  Listener listen(String address, AcceptHandler handler);

  /** Listens on a fresh, unique address that {@link Listener#address()} then reports. */
  Listener listen(AcceptHandler handler);

  /**
   * Listens on {@code address} in unary-exchange mode: {@code handler} answers each message a
   * client sends on a connection with exactly one reply on it; clients dial as for {@link #listen}.
   * The default is {@link #listen} with a receive/send loop per connection; implementations may
   * override it to serve without a thread per connection. Fails as {@link #listen} does.
   */
  default Listener serve(String address, ExchangeHandler handler) {
    return listen(address, new ExchangeLoop(handler));
  }

  /** Serves exchanges (see {@link #serve(String, ExchangeHandler)}) on a fresh, unique address. */
  default Listener serve(ExchangeHandler handler) {
    return listen(new ExchangeLoop(handler));
  }

  /**
   * Opens a connection to the listener at {@code address}.
   *
   * @throws io.micronats.spi.NoRespondersException when nobody listens there; an implementation
   *     may report this at the first {@link Socket#receive} instead, but never later than the
   *     dial timeout
   * @throws io.micronats.spi.OperationTimeoutException when the listener did not answer in time
   */
  Socket dial(String address, Duration timeout);

  /** Dials with the default timeout of {@value #DEFAULT_DIAL_TIMEOUT_SECONDS} seconds. */
  default Socket dial(String address) {
    return dial(address, Duration.ofSeconds(DEFAULT_DIAL_TIMEOUT_SECONDS));
  }

  /**
   * The largest message, in bytes, this transport can send; larger messages fail with
   * {@link io.micronats.spi.PayloadTooLargeException} before anything is sent.
   */
  long maxPayloadBytes();

  /** Closes every listener and socket of this transport. Idempotent. */
  @Override
  void close();
}
