package io.micronats.tck.mutants;

import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;

/** A broker that forwards to another; a broken implementation overrides or wraps what it breaks. */
class ForwardingBroker implements Broker {
  final Broker delegate;

  ForwardingBroker(Broker delegate) {
    this.delegate = delegate;
  }

  /** Wraps the handler of every subscription. */
  EventHandler handler(EventHandler handler, String topic, SubscribeOptions options) {
    return handler;
  }

  @Override public String name() {
    return delegate.name();
  }

  @Override public void connect() {
    delegate.connect();
  }

  @Override public void disconnect() {
    delegate.disconnect();
  }

  @Override public boolean isConnected() {
    return delegate.isConnected();
  }

  @Override public void publish(String topic, Message message) {
    delegate.publish(topic, message);
  }

  @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
    return delegate.subscribe(topic, handler == null ? null : handler(handler, topic, options), options);
  }

  @Override public long maxPayloadBytes() {
    return delegate.maxPayloadBytes();
  }

  @Override public void close() {
    delegate.close();
  }
}
