package io.micronats.nats.internal;

import io.nats.client.impl.SocketDataPortWithWriteTimeout;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * jnats' socket data port (with its write timeout) with an {@link InboundGuard} on the read side,
 * so a malformed header block from a stranger cannot stop the connection's reader. Installed by
 * name through {@code Options.Builder.dataPortType}; jnats creates one per connection attempt,
 * with the public no-argument constructor, and reads it from one thread.
 */
public class GuardedDataPort extends SocketDataPortWithWriteTimeout {

  private static final LongAdder REPLACED = new LongAdder();

  private final InboundGuard guard = new InboundGuard();
  private byte[] raw = new byte[0];
  private byte[] pending = new byte[1024];
  private int pendingStart;
  private int pendingEnd;

  /** For jnats, which creates data ports by class name. */
  public GuardedDataPort() {}

  /** Header blocks replaced by every guarded connection of this process, for the reports. */
  public static long replacedInProcess() {
    return REPLACED.sum();
  }

  @Override
  public int read(byte[] dst, int off, int len) throws IOException {
    while (pendingStart == pendingEnd) {
      if (raw.length < len) {
        raw = new byte[len];
      }
      int n = super.read(raw, 0, len);
      if (n <= 0) {
        return n;
      }
      pendingStart = 0;
      pendingEnd = 0;
      long before = guard.replaced();
      guard.filter(raw, n, this::append);
      REPLACED.add(guard.replaced() - before);
    }
    int take = Math.min(len, pendingEnd - pendingStart);
    System.arraycopy(pending, pendingStart, dst, off, take);
    pendingStart += take;
    return take;
  }

  private void append(byte[] bytes, int offset, int length) {
    if (pendingEnd + length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingEnd + length));
    }
    System.arraycopy(bytes, offset, pending, pendingEnd, length);
    pendingEnd += length;
  }
}
