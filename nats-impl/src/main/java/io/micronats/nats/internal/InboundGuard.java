package io.micronats.nats.internal;

import io.nats.client.support.IncomingHeadersProcessor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A filter on the bytes a NATS server sends a client, in front of jnats' reader: it finds each
 * {@code HMSG} whose header block jnats cannot parse and replaces that block with a valid one
 * holding only {@value #MALFORMED}, keeping the message (subject, reply, body) intact.
 *
 * <p>Why: jnats (2.26.2) parses a header block while reading the socket, and a block that is not
 * {@code NATS/1.0...} throws an {@link IllegalArgumentException} its reader does not catch, so
 * the reader thread ends and the connection reads nothing more until the ping check gives up on
 * it (minutes). Anyone allowed to publish on a subject the client subscribes to can send such a
 * block, since nats-server forwards header bytes unchecked. With this filter the connection keeps
 * reading, and the micronats code that receives the marked message drops and reports it.
 *
 * <p>Everything else passes unchanged; the filter only tracks where each protocol line, header
 * block and body begins. A header block is judged by jnats' own parser, so exactly the blocks
 * that would have stopped the reader are replaced. Not thread-safe: one per connection's reader.
 */
public final class InboundGuard {

  /** The header that replaces a malformed block; its value says what was wrong. */
  public static final String MALFORMED = "Mn-Malformed";
  private static final byte[] REPLACEMENT =
      ("NATS/1.0\r\n" + MALFORMED + ": header-block\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  /** Longest protocol line examined; longer ones pass through for jnats to judge. */
  private static final int MAX_LINE = 64 * 1024;

  private enum State { LINE, LONG_LINE, HEADER, PASS }

  private State state = State.LINE;
  private byte[] line = new byte[256];
  private int lineLength;
  private byte[] header = new byte[0];
  private int headerFilled;
  private byte[] savedLine = new byte[0];
  private int headStart;
  private long bodyAndEnd;
  private long passRemaining;
  private long replaced;
  private byte[] lastParsed = new byte[0];

  /** Appends to {@code out} what jnats should read for the next {@code n} bytes of {@code in}. */
  public void filter(byte[] in, int n, Output out) {
    int i = 0;
    while (i < n) {
      switch (state) {
        case LINE -> i = line(in, i, n, out);
        case LONG_LINE -> {
          int end = indexOf(in, i, n, (byte) '\n');
          int stop = end < 0 ? n : end + 1;
          out.write(in, i, stop - i);
          i = stop;
          if (end >= 0) {
            state = State.LINE;
          }
        }
        case HEADER -> {
          int take = Math.min(n - i, header.length - headerFilled);
          System.arraycopy(in, i, header, headerFilled, take);
          headerFilled += take;
          i += take;
          if (headerFilled == header.length) {
            emitMessageStart(out);
          }
        }
        case PASS -> {
          int take = (int) Math.min(n - i, passRemaining);
          out.write(in, i, take);
          i += take;
          passRemaining -= take;
          if (passRemaining == 0) {
            state = State.LINE;
          }
        }
      }
    }
  }

  /** How many header blocks were replaced so far. */
  public long replaced() {
    return replaced;
  }

  private int line(byte[] in, int from, int n, Output out) {
    int end = indexOf(in, from, n, (byte) '\n');
    int stop = end < 0 ? n : end + 1;
    int count = stop - from;
    if (lineLength + count > MAX_LINE) {
      out.write(line, 0, lineLength);
      lineLength = 0;
      state = State.LONG_LINE;
      return from;
    }
    if (lineLength + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
    }
    System.arraycopy(in, from, line, lineLength, count);
    lineLength += count;
    if (end >= 0) {
      completeLine(out);
    }
    return stop;
  }

  /** A whole protocol line is in {@code line}: pass it on, and learn what follows it. */
  private void completeLine(Output out) {
    int length = lineLength;
    lineLength = 0;
    boolean hmsg = startsWithOp(line, length, "HMSG ");
    if (!hmsg && !startsWithOp(line, length, "MSG ")) {
      out.write(line, 0, length);
      return;
    }
    int end = length;
    while (end > 0 && line[end - 1] <= ' ') {
      end--;
    }
    int lastStart = tokenStart(line, end);
    long last = number(line, lastStart, end);
    if (!hmsg) {
      out.write(line, 0, length);
      if (last >= 0) {
        pass(last + 2);
      }
      return;
    }
    int beforeLast = lastStart;
    while (beforeLast > 0 && line[beforeLast - 1] <= ' ') {
      beforeLast--;
    }
    int headerStart = tokenStart(line, beforeLast);
    long headerBytes = number(line, headerStart, beforeLast);
    if (last < 0 || headerBytes < 0 || headerBytes > last) {
      out.write(line, 0, length); // one jnats rejects by itself, as a protocol error
      return;
    }
    savedLine = Arrays.copyOf(line, length);
    headStart = headerStart;
    header = new byte[(int) headerBytes];
    headerFilled = 0;
    bodyAndEnd = last - headerBytes + 2;
    state = State.HEADER;
    if (headerBytes == 0) {
      emitMessageStart(out);
    }
  }

  /** The header block is complete: pass the message's line and block on, repaired if needed. */
  private void emitMessageStart(Output out) {
    byte[] block = header;
    header = new byte[0];
    if (parses(block)) {
      out.write(savedLine, 0, savedLine.length);
    } else {
      replaced++;
      block = REPLACEMENT;
      int head = headStart;
      while (head > 0 && savedLine[head - 1] <= ' ') {
        head--;
      }
      out.write(savedLine, 0, head);
      byte[] sizes = (" " + block.length + " " + (block.length + bodyAndEnd - 2) + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      out.write(sizes, 0, sizes.length);
    }
    out.write(block, 0, block.length);
    pass(bodyAndEnd);
  }

  private static boolean startsWithOp(byte[] b, int length, String op) {
    if (length < op.length()) {
      return false;
    }
    for (int k = 0; k < op.length(); k++) {
      int c = b[k];
      char want = op.charAt(k);
      if (want == ' ' ? (c != ' ' && c != '\t') : (c & 0xDF) != want) {
        return false;
      }
    }
    return true;
  }

  /** Where the token ending at {@code end} (exclusive) begins. */
  private static int tokenStart(byte[] b, int end) {
    int k = end;
    while (k > 0 && b[k - 1] > ' ') {
      k--;
    }
    return k;
  }

  /** The decimal in {@code b[from, to)}, or -1 when it is not one of at most 10 digits. */
  private static long number(byte[] b, int from, int to) {
    if (to <= from || to - from > 10) {
      return -1;
    }
    long v = 0;
    for (int k = from; k < to; k++) {
      if (b[k] < '0' || b[k] > '9') {
        return -1;
      }
      v = v * 10 + (b[k] - '0');
    }
    return v;
  }

  private void pass(long bytes) {
    passRemaining = bytes;
    state = bytes > 0 ? State.PASS : State.LINE;
  }

  /**
   * Whether jnats can parse {@code block}. The same bytes always give the same answer, and a
   * publisher usually sends the same block again and again, so the last block that parsed is
   * remembered: parsing every block a second time (jnats parses it too) halved the broker's
   * throughput in the bench.
   */
  private boolean parses(byte[] block) {
    if (plainlyValid(block) || Arrays.equals(block, lastParsed)) {
      return true;
    }
    try {
      new IncomingHeadersProcessor(block);
      lastParsed = block;
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static final byte[] VERSION_LINE = "NATS/1.0\r\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * A cheap check that accepts only a strict subset of what jnats parses: the bare version line
   * (no status), then lines {@code Name: value} whose name is letters, digits, {@code -}, {@code _}
   * or {@code .} and whose value is printable ASCII, not blank, then the empty line that ends the block.
   * Every block micronats sends has this shape, and its sequence numbers make each block differ
   * from the last, so without this check every one of them was parsed twice. Anything else goes
   * to jnats' own parser.
   */
  static boolean plainlyValid(byte[] b) {
    int n = b.length;
    if (n < VERSION_LINE.length + 2 || b[n - 2] != '\r' || b[n - 1] != '\n') {
      return false;
    }
    for (int k = 0; k < VERSION_LINE.length; k++) {
      if (b[k] != VERSION_LINE[k]) {
        return false;
      }
    }
    int i = VERSION_LINE.length;
    while (i < n - 2) {
      int nameStart = i;
      while (i < n && isNameChar(b[i])) {
        i++;
      }
      if (i == nameStart || i >= n || b[i] != ':') {
        return false;
      }
      i++;
      boolean visible = false;
      while (i < n && b[i] >= 0x20 && b[i] < 0x7f) {
        visible |= b[i] != ' ';
        i++;
      }
      if (!visible || i + 1 >= n || b[i] != '\r' || b[i + 1] != '\n') {
        return false;
      }
      i += 2;
    }
    return i == n - 2;
  }

  private static boolean isNameChar(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.';
  }

  private static int indexOf(byte[] in, int from, int to, byte b) {
    for (int k = from; k < to; k++) {
      if (in[k] == b) {
        return k;
      }
    }
    return -1;
  }

  /** Where the filtered bytes go. */
  public interface Output {
    void write(byte[] bytes, int offset, int length);
  }
}
