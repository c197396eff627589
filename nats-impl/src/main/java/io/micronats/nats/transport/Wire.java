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
  /**
   * Appended to a socket's own subject: where its peer sends an out-of-band close notice, which
   * the socket's transport handles at once (so sends fail promptly even when nobody receives).
   */
  static final String NOTICE_SUFFIX = ".x";
  /** Not on the wire: the outcome of an open that met a no-responders status. */
  static final String NO_RESPONDERS = "no-responders";

  private Wire() {}
}
