package io.micronats.spi;

/**
 * A message is larger than the implementation's maximum payload; nothing was sent.
 *
 * <p>The check happens before any byte reaches the network, so the caller can split or shrink
 * the message and try again.
 */
public class PayloadTooLargeException extends MessagingException {
  private static final long serialVersionUID = 1L;
  private final long size;
  private final long limit;

  public PayloadTooLargeException(String destination, long size, long limit) {
    super("message of " + size + " bytes to '" + destination + "' exceeds the maximum payload of "
        + limit + " bytes");
    this.size = size;
    this.limit = limit;
  }

  /** The size of the rejected message, in bytes (body plus encoded headers where they count). */
  public long size() {
    return size;
  }

  /** The largest size the implementation accepts, in bytes. */
  public long limit() {
    return limit;
  }
}
