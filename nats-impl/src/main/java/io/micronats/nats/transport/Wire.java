package io.micronats.nats.transport;

import org.jspecify.annotations.Nullable;

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
  /**
   * On every data message: the sender's sequence number on this socket (1, 2, ...). A receiver
   * accepts only numbers above the last it accepted, so nothing injected, replayed or late is
   * taken for the peer's next message.
   */
  static final String SEQ = "Mn-Seq";
  /** On every data message: the highest {@link #SEQ} the sender had accepted from its peer (0 for none). */
  static final String RE = "Mn-Re";
  /** The bytes of a header block holding no header: {@code NATS/1.0\r\n} and the closing {@code \r\n}. */
  static final int EMPTY_BLOCK = "NATS/1.0\r\n\r\n".length();
  /**
   * The most a data message's header block grows by for its {@link #SEQ} and {@link #RE}
   * headers (18 digits each, plus the block itself when there are no user headers): reserved
   * out of the server's maximum payload.
   */
  static final int SEQUENCE_OVERHEAD = EMPTY_BLOCK + (SEQ + ": \r\n").length() + (RE + ": \r\n").length() + 2 * 18;
  /** Not on the wire: the outcome of an open that met a no-responders status. */
  static final String NO_RESPONDERS = "no-responders";

  private Wire() {}

  /** A non-negative decimal of at most 18 digits, or -1 for anything else (absent, junk, too long). */
  static long number(@Nullable String text) {
    if (text == null || text.isEmpty() || text.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
