package io.micronats.tck.mutants;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.TransportException;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Broken {@code Transport.serve} implementations: the in-memory transport whose {@code serve}
 * (only) has one fault; {@code listen}, {@code dial} and sockets are untouched.
 */
final class ServeMutants {

  private ServeMutants() {}

  static List<Mutant> all() {
    List<Mutant> m = new ArrayList<>();
    m.add(Mutant.transport("ServeSendsEachReplyTwice", t -> new ServingTransport(t) {
      @Override void reply(Socket socket, Message reply) {
        socket.send(reply);
        socket.send(reply);
      }
    }, "TRN-029", "TRN-030", "TRN-031", "TRN-032"));
    m.add(Mutant.transport("ServeRepliesToTheNewestConnection", t -> new ServingTransport(t) {
      final List<Socket> accepted = new CopyOnWriteArrayList<>();

      @Override void opened(Socket socket) {
        accepted.add(socket);
      }

      @Override void reply(Socket socket, Message reply) {
        Socket newest = socket;
        for (Socket a : accepted) {
          if (a.isOpen()) {
            newest = a;
          }
        }
        newest.send(reply);
      }
    }, "TRN-030"));
    m.add(Mutant.transport("ServeSwallowsHandlerFailures", t -> new ServingTransport(t) {
      @Override Message exchange(ExchangeHandler handler, Message request) {
        try {
          return handler.exchange(request);
        } catch (Exception e) {
          return null;
        }
      }

      @Override void reply(Socket socket, Message reply) {
        if (reply != null) {
          socket.send(reply);
        }
      }
    }, "TRN-031"));
    m.add(Mutant.transport("ServedListenerCloseOnlyFlipsAFlag", t -> new ForwardingTransport(t) {
      @Override public Listener serve(String address, ExchangeHandler handler) {
        return flagOnly(super.serve(address, handler));
      }

      @Override public Listener serve(ExchangeHandler handler) {
        return flagOnly(super.serve(handler));
      }
    }, "TRN-032"));
    m.add(Mutant.transport("ServeForgetsReplyTooLarge", t -> new ForwardingTransport(t) {
      // The method reference is the mutation: the new handler keeps exchange() but falls back to
      // the default replyTooLarge(), so the handler's own answer to a too-large reply is lost.
      @SuppressWarnings("UnnecessaryMethodReference")
      @Override ExchangeHandler exchange(ExchangeHandler h) {
        return h::exchange;
      }
    }, "TRN-033"));
    m.add(Mutant.transport("ServeIgnoresAddressesInUse", t -> new ForwardingTransport(t) {
      @Override public Listener serve(String address, ExchangeHandler handler) {
        try {
          return super.serve(address, handler);
        } catch (TransportException e) {
          return flagOnly(new ForwardingListener(null) {
            @Override public String address() {
              return address;
            }

            @Override public boolean isOpen() {
              return true;
            }

            @Override public void close() {}
          });
        }
      }
    }, "TRN-034"));
    return m;
  }

  static Listener flagOnly(Listener l) {
    AtomicBoolean closed = new AtomicBoolean();
    return new ForwardingListener(l) {
      @Override public boolean isOpen() {
        return !closed.get();
      }

      @Override public void close() {
        closed.set(true);
      }
    };
  }

  /**
   * A transport whose {@code serve} runs its own receive/exchange/reply loop on {@code listen},
   * with hooks a mutant overrides to break one step.
   */
  abstract static class ServingTransport extends ForwardingTransport {
    ServingTransport(Transport delegate) {
      super(delegate);
    }

    void opened(Socket socket) {}

    Message exchange(ExchangeHandler handler, Message request) throws Exception {
      Message reply = handler.exchange(request);
      if (reply == null) {
        throw new NullPointerException("no reply");
      }
      return reply;
    }

    abstract void reply(Socket socket, Message reply);

    AcceptHandler loop(ExchangeHandler handler) {
      return socket -> {
        opened(socket);
        for (int idle = 0; idle < 600 && socket.isOpen(); ) {
          Message request;
          try {
            request = socket.receive(Duration.ofMillis(500));
          } catch (OperationTimeoutException e) {
            idle++;
            continue;
          } catch (ClosedException e) {
            return;
          }
          Message reply = exchange(handler, request);
          try {
            reply(socket, reply);
          } catch (PayloadTooLargeException e) {
            socket.send(handler.replyTooLarge(request, e));
          } catch (ClosedException e) {
            return;
          }
        }
      };
    }

    @Override public Listener serve(String address, ExchangeHandler handler) {
      return listener(delegate.listen(address, handler == null ? null : loop(handler)));
    }

    @Override public Listener serve(ExchangeHandler handler) {
      return listener(delegate.listen(handler == null ? null : loop(handler)));
    }
  }
}
