package io.micronats.spi.inmemory;

import io.micronats.spi.NoRespondersException;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listener of an {@link InMemoryTransport}: registered in its hub under its address, it turns
 * each dial into a server-side {@link MemorySocket} served by the accept handler on a thread of
 * the listening transport.
 *
 * <p>Thread-safe. Closing it frees the address and closes every socket it accepted.
 */
final class MemoryListener implements Listener {

  private static final System.Logger LOG = System.getLogger(MemoryListener.class.getName());

  private final InMemoryTransport transport;
  private final String address;
  private final AcceptHandler handler;
  private final Set<MemorySocket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  MemoryListener(InMemoryTransport transport, String address, AcceptHandler handler) {
    this.transport = transport;
    this.address = address;
    this.handler = handler;
  }

  /**
   * Accepts a connection from the client end at {@code clientAddress}.
   *
   * @throws NoRespondersException when this listener is closed or cannot serve any more
   */
  void connect(String clientAddress, Pipe fromClient, Pipe toClient) {
    MemorySocket[] holder = new MemorySocket[1];
    MemorySocket socket = new MemorySocket(address, clientAddress, fromClient, toClient,
        transport.maxPayloadBytes(), transport.sendTimeout(), () -> sockets.remove(holder[0]));
    holder[0] = socket;
    sockets.add(socket);
    if (closed.get()) {
      socket.close();
      throw new NoRespondersException("listener at '" + address + "' is closed");
    }
    try {
      transport.execute(() -> serve(socket));
    } catch (RejectedExecutionException e) {
      socket.close();
      throw new NoRespondersException("listener at '" + address + "' is shutting down", e);
    }
  }

  private void serve(MemorySocket socket) {
    try {
      handler.accept(socket);
    } catch (InterruptedException e) {
      LOG.log(System.Logger.Level.DEBUG, "accept handler at '" + address + "' interrupted", e);
    } catch (Exception e) {
      // The thread boundary: the failure closes this connection only; the listener keeps going.
      LOG.log(System.Logger.Level.DEBUG, "accept handler at '" + address + "' failed", e);
    } finally {
      socket.close();
    }
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public boolean isOpen() {
    return !closed.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      transport.forget(this);
      for (MemorySocket socket : List.copyOf(sockets)) {
        socket.close();
      }
    }
  }

  @Override
  public String toString() {
    return "MemoryListener['" + address + "']";
  }
}
