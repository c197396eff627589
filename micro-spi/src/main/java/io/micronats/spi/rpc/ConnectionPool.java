package io.micronats.spi.rpc;

import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client's idle connections, per node address: a socket is lent to one call at a time and
 * given back afterwards; at most {@code maxIdlePerNode} are kept per address, the rest closed.
 *
 * <p>Thread-safe and lock-free; dialling happens on the caller's thread with no lock held. The
 * number of open sockets to a node is at most the number of concurrent calls to it plus the idle
 * limit, so 64 concurrent calls need no more than 64 sockets and never wait for one.
 */
final class ConnectionPool implements AutoCloseable {

  /** A socket lent to one call; {@code reused} when it came from the idle pool. */
  record Lease(Socket socket, boolean reused) {}

  private final Transport transport;
  private final int maxIdlePerNode;
  private final ConcurrentHashMap<String, Idle> byAddress = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private static final class Idle {
    final ConcurrentLinkedDeque<Socket> sockets = new ConcurrentLinkedDeque<>();
    final AtomicInteger size = new AtomicInteger();
    volatile boolean retired;
  }

  ConnectionPool(Transport transport, int maxIdlePerNode) {
    this.transport = transport;
    this.maxIdlePerNode = maxIdlePerNode;
  }

  /** An idle socket to {@code address}, or a newly dialled one. */
  Lease acquire(String address, Duration dialTimeout) {
    Idle idle = byAddress.get(address);
    if (idle != null) {
      Socket socket;
      while ((socket = idle.sockets.pollFirst()) != null) {
        idle.size.decrementAndGet();
        if (socket.isOpen()) {
          return new Lease(socket, true);
        }
        socket.close();
      }
    }
    return new Lease(transport.dial(address, dialTimeout), false);
  }

  /** Gives back a socket whose exchange completed cleanly. */
  void release(String address, Socket socket) {
    if (closed || !socket.isOpen()) {
      socket.close();
      return;
    }
    Idle idle = byAddress.computeIfAbsent(address, a -> new Idle());
    if (idle.retired || idle.size.incrementAndGet() > maxIdlePerNode) {
      if (!idle.retired) {
        idle.size.decrementAndGet();
      }
      socket.close();
      return;
    }
    idle.sockets.addFirst(socket);
    if (idle.retired || closed) { // retired or closed meanwhile: do not leave it behind
      drain(idle);
    }
  }

  /** Closes the idle sockets to {@code address} (its node failed or went away). */
  void evict(String address) {
    Idle idle = byAddress.remove(address);
    if (idle != null) {
      idle.retired = true;
      drain(idle);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (String address : byAddress.keySet()) {
      evict(address);
    }
  }

  private static void drain(Idle idle) {
    Socket socket;
    while ((socket = idle.sockets.pollFirst()) != null) {
      idle.size.decrementAndGet();
      socket.close();
    }
  }
}
