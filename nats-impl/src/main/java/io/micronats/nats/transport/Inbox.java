package io.micronats.nats.transport;

import io.micronats.spi.Message;
import io.micronats.spi.MessagingException;
import io.micronats.spi.OperationTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue of messages received by one socket and not yet consumed, plus the reason the
 * socket ended, if it has.
 *
 * <p>Thread-safe: one producer (a jnats dispatcher thread) and any number of consumers.
 */
final class Inbox {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<Message> queue = new ArrayDeque<>();
  private final int capacity;
  private @Nullable MessagingException ended;

  Inbox(int capacity) {
    this.capacity = capacity;
  }

  /** Adds a message; false when the inbox is full or has ended (the message is not kept). */
  boolean offer(Message message) {
    lock.lock();
    try {
      if (ended != null || queue.size() >= capacity) {
        return false;
      }
      queue.addLast(message);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the inbox with {@code reason}: receivers get it once the queue is empty ({@code discard}
   * empties the queue now). The first reason wins; returns false when it had already ended.
   */
  boolean end(MessagingException reason, boolean discard) {
    lock.lock();
    try {
      if (discard) {
        queue.clear();
      }
      if (ended != null) {
        return false;
      }
      ended = reason;
      notEmpty.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** True once {@link #end} was called. */
  boolean hasEnded() {
    lock.lock();
    try {
      return ended != null;
    } finally {
      lock.unlock();
    }
  }

  /** The reason given to {@link #end}, if any. */
  @Nullable MessagingException endReason() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }

  /** The next message, waiting up to {@code timeout}. */
  Message take(Duration timeout, String what) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (true) {
        Message message = queue.pollFirst();
        if (message != null) {
          return message;
        }
        if (ended != null) {
          throw ended;
        }
        if (nanos <= 0) {
          throw new OperationTimeoutException(what, timeout);
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }

  static long capacityCheck(long capacity) {
    if (capacity < 1 || capacity > 10_000_000) {
      throw new IllegalArgumentException("backlog must be between 1 and 10000000 messages, was " + capacity);
    }
    return capacity;
  }

}
