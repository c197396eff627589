package io.micronats.simulator.baseline;

import io.micronats.simulator.workload.BrokerWire;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.Subscription;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.util.function.Consumer;

/**
 * A publisher on the client node and a subscriber on the service node, for one side of the
 * broker comparison. The subscriber hands every received body to the sink given at creation.
 */
abstract class PubSubPair implements AutoCloseable {
  /** Publishes one message. */
  abstract void publish(byte[] body) throws Exception;

  @Override
  public abstract void close();

  /** micronats: the plugin's Broker on both ends. */
  static PubSubPair ours(Broker publisher, Broker subscriber, String topic, Consumer<byte[]> sink) {
    Subscription sub = subscriber.subscribe(topic, e -> sink.accept(e.message().body()));
    return new PubSubPair() {
      @Override
      void publish(byte[] body) {
        publisher.publish(topic, Message.of(body));
      }

      @Override
      public void close() {
        sub.unsubscribe();
        publisher.close();
        subscriber.close();
      }
    };
  }

  /** Raw jnats: a publishing connection and a Dispatcher subscription. */
  static PubSubPair raw(String publisherUrl, String subscriberUrl, String subject, Consumer<byte[]> sink) throws Exception {
    Connection sub = RawNats.connect(subscriberUrl, "sim-raw-sub");
    Connection pub;
    try {
      Dispatcher d = sub.createDispatcher(m -> sink.accept(m.getData()));
      d.subscribe(subject);
      sub.flush(java.time.Duration.ofSeconds(5));
      pub = RawNats.connect(publisherUrl, "sim-raw-pub");
    } catch (Exception e) {
      RawNats.close(sub);
      throw e;
    }
    return new PubSubPair() {
      @Override
      void publish(byte[] body) {
        pub.publish(subject, body);
      }

      @Override
      public void close() {
        RawNats.close(pub);
        RawNats.close(sub);
      }
    };
  }

  /** True for an interest probe body. */
  static boolean isProbe(byte[] body) {
    return BrokerWire.valid(body) && BrokerWire.publisher(body) == BrokerWire.PROBE;
  }
}
