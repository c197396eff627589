package io.micronats.spi.broker;

import io.micronats.spi.Message;

/**
 * A broker: asynchronous publish/subscribe on topics, with queue groups.
 *
 * <p>Thread-safe. {@link #connect()} and {@link #disconnect()} are idempotent, and connecting
 * after a disconnect works again; a disconnect ends every subscription. Delivery guarantees
 * belong to the implementation and are stated in its documentation (the NATS broker is
 * at-most-once).
 *
 * <pre>{@code
 * try (Broker broker = Plugins.broker("memory", PluginConfig.empty())) {
 *   broker.connect();
 *   Subscription sub = broker.subscribe("orders.created",
 *       event -> System.out.println(event.message().bodyAsString()),
 *       SubscribeOptions.defaults().withQueue("billing"));
 *   broker.publish("orders.created", Message.of("{\"id\":1}"));
 * }
 * }</pre>
 *
 * <p>A handler's failure never reaches the publisher: it goes to the subscription's
 * {@link ErrorHandler}.
 */
public interface Broker extends AutoCloseable {

  /** The implementation's name, as its plugin provider reports it. */
  String name();

  /** Connects. Idempotent. @throws io.micronats.spi.BrokerException when the backend is unreachable */
  void connect();

  /** Disconnects and ends every subscription. Idempotent. */
  void disconnect();

  /** True between {@link #connect()} and {@link #disconnect()}. */
  boolean isConnected();

  /**
   * Publishes a message to every subscriber of {@code topic}, and to one member of each queue group.
   *
   * @throws IllegalArgumentException when the topic is invalid or holds a wildcard
   * @throws io.micronats.spi.NotConnectedException when the broker is not connected
   * @throws io.micronats.spi.PayloadTooLargeException when the message exceeds {@link #maxPayloadBytes()}
   */
  void publish(String topic, Message message);

  /**
   * Subscribes {@code handler} to {@code topic}.
   *
   * @throws IllegalArgumentException when the topic or queue group is invalid
   * @throws io.micronats.spi.NotConnectedException when the broker is not connected
   */
  Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options);

  /** Subscribes with {@link SubscribeOptions#defaults()}. */
  default Subscription subscribe(String topic, EventHandler handler) {
    return subscribe(topic, handler, SubscribeOptions.defaults());
  }

  /** The largest message, in bytes, {@link #publish} accepts. */
  long maxPayloadBytes();

  /** Disconnects and releases everything. Idempotent. */
  @Override
  void close();
}
