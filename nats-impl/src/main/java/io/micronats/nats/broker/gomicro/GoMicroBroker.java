package io.micronats.nats.broker.gomicro;

import io.micronats.nats.broker.NatsBroker;
import io.micronats.nats.gomicro.Envelope;
import io.micronats.spi.BrokerException;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.ErrorHandler;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.PluginConfig;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS broker in profile {@code go-micro}: every message travels as go-micro's envelope
 * {@code {"Header":{...},"Body":"<base64>"}} in the payload of one plain NATS publish (no reply,
 * no NATS headers), as go-micro v2-v5's NATS broker sends and expects it. Queue groups are NATS
 * queue groups with the name given, as go-micro's {@code broker.Queue(name)}.
 *
 * <p>Thread-safe; a thin layer over a {@link NatsBroker}, which does the connecting, delivery
 * threads and slow-consumer accounting. A payload that is not an envelope (go-micro would call its
 * handler with an empty message for JSON without {@code Header}/{@code Body}) is dropped, counted
 * in {@link #stats()} and reported to the subscription's error handler with the raw bytes as body;
 * the subscription keeps receiving.
 */
public final class GoMicroBroker implements Broker {

  /** Settings key: the largest envelope decoded, in bytes (default {@value Envelope#DEFAULT_MAX_BYTES}). */
  public static final String ENVELOPE_MAX_BYTES = "envelope.max.bytes";
  private static final Logger LOG = LoggerFactory.getLogger(GoMicroBroker.class);

  private final NatsBroker nats;
  private final int maxEnvelopeBytes;
  private final LongAdder decoded = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder handlerFailures = new LongAdder();

  private GoMicroBroker(NatsBroker nats, int maxEnvelopeBytes) {
    this.nats = nats;
    this.maxEnvelopeBytes = maxEnvelopeBytes;
  }

  /**
   * A broker (not yet connected) from the NATS broker's settings plus {@value #ENVELOPE_MAX_BYTES}.
   *
   * @throws IllegalArgumentException naming the setting when one is invalid
   */
  public static GoMicroBroker create(PluginConfig config) {
    long max = config.longValue(ENVELOPE_MAX_BYTES, Envelope.DEFAULT_MAX_BYTES);
    if (max < 64 || max > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("setting '" + ENVELOPE_MAX_BYTES + "' must be 64.." + Integer.MAX_VALUE
          + ", was " + max);
    }
    return new GoMicroBroker(NatsBroker.builder().config(config).build(), (int) max);
  }

  @Override
  public String name() {
    return nats.name();
  }

  @Override
  public void connect() {
    nats.connect();
  }

  @Override
  public void disconnect() {
    nats.disconnect();
  }

  @Override
  public boolean isConnected() {
    return nats.isConnected();
  }

  /**
   * Publishes the message as a go-micro envelope.
   *
   * @throws io.micronats.spi.PayloadTooLargeException when the envelope (a third larger than the
   *     body, base64) exceeds the server's maximum payload; nothing was sent
   * @see NatsBroker#publish
   */
  @Override
  public void publish(String topic, Message message) {
    Objects.requireNonNull(message, "message");
    nats.publish(topic, Message.of(Envelope.encode(message)));
  }

  @Override
  public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    ErrorHandler errors = options.errorHandler();
    return nats.subscribe(topic, raw -> deliver(raw, handler, errors), options);
  }

  private void deliver(Event raw, EventHandler handler, ErrorHandler errors) {
    byte[] payload = raw.message().body();
    Message message;
    try {
      message = Envelope.decode(payload, maxEnvelopeBytes);
    } catch (Envelope.MalformedEnvelopeException e) {
      malformed.increment();
      report(errors, raw.topic(), new GoMicroEvent(raw.topic(), Message.of(payload)),
          new BrokerException("a message to '" + raw.topic() + "' was dropped: not a go-micro envelope ("
              + e.getMessage() + ")"));
      return;
    }
    decoded.increment();
    GoMicroEvent event = new GoMicroEvent(raw.topic(), message);
    try {
      handler.handle(event);
    } catch (Exception e) { // thread boundary of the handler: the failure becomes a report
      handlerFailures.increment();
      report(errors, raw.topic(), event, ErrorHandler.wrap(raw.topic(), e));
    }
  }

  private static void report(ErrorHandler errors, String topic, @Nullable Event event, Throwable error) {
    try {
      errors.onError(topic, event, error);
    } catch (RuntimeException e) {
      LOG.warn("error handler of '{}' threw while reporting {}", topic, error.toString(), e);
    }
  }

  @Override
  public long maxPayloadBytes() {
    // The largest body whose envelope (base64: 4/3, plus the JSON around it) still fits.
    return Math.max(0, (nats.maxPayloadBytes() - 64) / 4 * 3);
  }

  /** A snapshot of this broker's counters. */
  public GoMicroBrokerStats stats() {
    return new GoMicroBrokerStats(nats.stats(), decoded.sum(), malformed.sum(), handlerFailures.sum());
  }

  @Override
  public void close() {
    nats.close();
  }

  @Override
  public String toString() {
    return "GoMicroBroker[" + nats + "]";
  }
}
