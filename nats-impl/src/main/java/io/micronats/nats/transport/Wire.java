package io.micronats.nats.transport;

/**
 * The control vocabulary of the transport's wire protocol.
 *
 * <p>A control message carries the header {@value #CONTROL} with one of the values below and an
 * empty body; a data message carries no such header. Client to listener: {@link #OPEN},
 * {@link #CLOSE}, {@link #PING}; listener to client: {@link #ACK}, {@link #CLOSE} (with an
 * optional {@value #REASON} header), {@link #PONG}.
 */
final class Wire {

  static final String CONTROL = "Mn-Ctl";
  static final String REASON = "Mn-Reason";
  static final String OPEN = "open";
  static final String ACK = "ack";
  static final String CLOSE = "close";
  static final String PING = "ping";
  static final String PONG = "pong";
  /** Not on the wire: the outcome of an open that met a no-responders status. */
  static final String NO_RESPONDERS = "no-responders";

  private Wire() {}
}
