package io.micronats.nats.cluster.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of a proxied connection: a reader thread that reads chunks from one socket and
 * stamps each with the time it is due, and a writer thread that writes them to the other socket
 * when they are due and the direction is not silent.
 *
 * <p>Thread-safe: owned by its {@link ProxiedLink}; the two threads share only the bounded queue.
 * When the queue is full the reader stops reading, so a silent or slow link pushes back on the
 * sender through TCP, the way a real blackhole does.
 */
final class Pipe {
  private static final int CHUNK = 32 * 1024;
  private static final int QUEUE_CHUNKS = 64;
  private static final byte[] EOF = new byte[0];

  // Private and never compared or hashed; copying each 32 KiB chunk would only cost.
  @SuppressWarnings("ArrayRecordComponent")
  private record Chunk(byte[] bytes, long dueNanos) {}

  private final Direction direction;
  private final Socket from;
  private final Socket to;
  private final Gate gate;
  private final AtomicLong bytes;
  private final Runnable onFailure;
  private final Runnable onFinished;
  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
  private final Thread reader;
  private final Thread writer;
  private volatile boolean stopped;
  private long lastDue;

  Pipe(String name, Direction direction, Socket from, Socket to, Gate gate, AtomicLong bytes,
      Runnable onFailure, Runnable onFinished) {
    this.direction = direction;
    this.from = from;
    this.to = to;
    this.gate = gate;
    this.bytes = bytes;
    this.onFailure = onFailure;
    this.onFinished = onFinished;
    this.reader = new Thread(this::readLoop, name + "-read");
    this.writer = new Thread(this::writeLoop, name + "-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
  }

  void start() {
    reader.start();
    writer.start();
  }

  void join(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
  }

  /** Makes both threads return soon; the sockets are closed by the owner. */
  void stop() {
    stopped = true;
  }

  private boolean stopped() {
    return stopped;
  }

  boolean finished() {
    return !reader.isAlive() && !writer.isAlive();
  }

  private void readLoop() {
    byte[] buffer = new byte[CHUNK];
    try {
      InputStream in = from.getInputStream();
      while (gate.awaitSpeaking(direction, this::stopped)) {
        int n = in.read(buffer);
        if (n < 0) {
          offer(new Chunk(EOF, System.nanoTime()));
          return;
        }
        if (n > 0 && !offer(new Chunk(Arrays.copyOf(buffer, n), due()))) {
          return;
        }
      }
    } catch (IOException e) {
      onFailure.run();
    }
  }

  private boolean offer(Chunk chunk) {
    try {
      while (!gate.closed() && !stopped) {
        if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private long due() {
    LinkShape s = gate.shape();
    long now = System.nanoTime();
    long delay = s.latency().toNanos();
    long jitter = s.jitter().toNanos();
    if (jitter > 0) {
      delay += ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
    }
    long due = now + Math.max(0, delay);
    // keep the byte order of TCP: never due before the previous chunk
    lastDue = Math.max(lastDue, due);
    return lastDue;
  }

  private void writeLoop() {
    try {
      OutputStream out = to.getOutputStream();
      while (!gate.closed() && !stopped) {
        Chunk c;
        try {
          c = queue.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (c == null) {
          if (!reader.isAlive() && queue.isEmpty()) {
            return;
          }
          continue;
        }
        if (!gate.awaitDue(c.dueNanos(), this::stopped) || !gate.awaitSpeaking(direction, this::stopped)) {
          return;
        }
        if (c.bytes() == EOF) {
          to.shutdownOutput();
          return;
        }
        out.write(c.bytes());
        out.flush();
        bytes.addAndGet(c.bytes().length);
      }
    } catch (IOException e) {
      onFailure.run();
    } finally {
      onFinished.run();
    }
  }
}
