package io.micronats.spi.inmemory;

import io.micronats.spi.Message;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * One direction of an in-memory connection: a bounded FIFO of messages that can be closed.
 *
 * <p>Thread-safe (one lock per pipe, never held while calling foreign code). After
 * {@link #close()}, puts fail and takes drain what was delivered before returning {@code null}.
 */
final class Pipe {

  /** What {@link #put} achieved. */
  enum PutResult { OK, CLOSED, FULL }

  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();
  private final ArrayDeque<Message> queue = new ArrayDeque<>();
  private boolean closed;

  Pipe(int capacity) {
    this.capacity = capacity;
  }

  /** Appends {@code message}, waiting up to {@code timeoutNanos} for space. */
  PutResult put(Message message, long timeoutNanos) throws InterruptedException {
    long nanos = timeoutNanos;
    lock.lockInterruptibly();
    try {
      while (!closed && queue.size() >= capacity) {
        if (nanos <= 0) {
          return PutResult.FULL;
        }
        nanos = notFull.awaitNanos(nanos);
      }
      if (closed) {
        return PutResult.CLOSED;
      }
      queue.addLast(message);
      notEmpty.signal();
      return PutResult.OK;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next message, waiting up to {@code timeoutNanos}; {@code null} on timeout.
   *
   * @throws PipeClosed when the pipe is closed and empty
   */
  @Nullable Message take(long timeoutNanos) throws InterruptedException, PipeClosed {
    long nanos = timeoutNanos;
    lock.lockInterruptibly();
    try {
      while (queue.isEmpty()) {
        if (closed) {
          throw new PipeClosed(); // stackless, so cheap to make on demand
        }
        if (nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      Message message = queue.pollFirst();
      notFull.signal();
      return message;
    } finally {
      lock.unlock();
    }
  }

  /** True once {@link #close()} was called. */
  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** Closes the pipe and wakes every waiter. Idempotent. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Thrown by {@link #take} when the pipe is closed and drained; carries no stack. */
  static final class PipeClosed extends Exception {
    private static final long serialVersionUID = 1L;

    PipeClosed() {
      super("pipe closed", null, false, false);
    }
  }
}
