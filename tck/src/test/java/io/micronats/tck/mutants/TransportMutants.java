package io.micronats.tck.mutants;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Broken transports, each wrapping the in-memory one with one fault. */
final class TransportMutants {

  private TransportMutants() {}

  static List<Mutant> all() {
    List<Mutant> m = new ArrayList<>();
    m.add(Mutant.transport("ListenerReportsClosedWhileOpen", t -> new ForwardingTransport(t) {
      @Override Listener listener(Listener l) {
        return new ForwardingListener(l) {
          @Override public boolean isOpen() {
            return false;
          }
        };
      }
    }, "TRN-001", "TRN-023", "TRN-031", "TRN-037"));
    m.add(Mutant.transport("FreshAddressIsNotValid", t -> new ForwardingTransport(t) {
      @Override Listener listener(Listener l) {
        return new ForwardingListener(l) {
          @Override public String address() {
            return l.address().startsWith("tck.") ? l.address() : " " + l.address();
          }
        };
      }
    }, "TRN-002", "TRN-029", "TRN-030", "TRN-036"));
    m.add(Mutant.transport("HeaderNamesLowerCased", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            Map<String, String> lower = new LinkedHashMap<>();
            message.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            super.send(new Message(lower, message.body()));
          }
        };
      }
    }, "TRN-003", "TRN-004", "TRN-005", "TRN-029"));
    m.add(Mutant.transport("ReplyHeadersDropped", t -> new ForwardingTransport(t) {
      @Override Socket server(Socket s) {
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            super.send(Message.of(message.body()));
          }
        };
      }

      @Override ExchangeHandler exchange(ExchangeHandler h) {
        return new ExchangeHandler() {
          @Override public Message exchange(Message request) throws Exception {
            Message reply = h.exchange(request);
            return reply == null ? null : Message.of(reply.body());
          }

          @Override public Message replyTooLarge(Message request, io.micronats.spi.PayloadTooLargeException failure) {
            return h.replyTooLarge(request, failure);
          }
        };
      }
    }, "RPC-001", "RPC-003", "RPC-004", "TRN-004", "TRN-005", "TRN-029").withRpc());
    m.add(Mutant.transport("HighBitCleared", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            byte[] b = message.body();
            for (int i = 0; i < b.length; i++) {
              b[i] &= 0x7f;
            }
            super.send(message.withBody(b));
          }
        };
      }
    }, "TRN-005", "TRN-014"));
    m.add(Mutant.transport("ReceiveSwapsBackToBackMessages", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return swapping(s);
      }

      @Override Socket server(Socket s) {
        return swapping(s);
      }
    }, "TRN-006", "TRN-007", "TRN-009", "TRN-017", "TRN-029", "TRN-035"));
    m.add(Mutant.transport("ConcurrentSendsClobberEachOther", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return racy(s);
      }

      @Override Socket server(Socket s) {
        return racy(s);
      }
    }, "TRN-007", "TRN-009", "TRN-035"));
    m.add(Mutant.transport("RepliesGoToTheNewestClient", t -> new ForwardingTransport(t) {
      final List<Socket> accepted = new CopyOnWriteArrayList<>();

      @Override Socket server(Socket s) {
        accepted.add(s);
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            Socket newest = s;
            for (Socket a : accepted) {
              if (a.isOpen()) {
                newest = a;
              }
            }
            newest.send(message);
          }
        };
      }

      @Override public Listener serve(String address, ExchangeHandler handler) {
        return serveByListening(address, handler);
      }

      @Override public Listener serve(ExchangeHandler handler) {
        return serveByListening(null, handler);
      }
    }, "RPC-006", "TRN-008", "TRN-030", "TRN-038").withRpc());
    m.add(Mutant.transport("DialReachesTheNewestListener", t -> new ForwardingTransport(t) {
      final List<Listener> listeners = new CopyOnWriteArrayList<>();

      @Override Listener listener(Listener l) {
        listeners.add(l);
        return l;
      }

      @Override public Socket dial(String address, Duration timeout) {
        String target = address;
        for (Listener l : listeners) {
          if (l.isOpen()) {
            target = l.address();
          }
        }
        return client(delegate.dial(target, timeout));
      }
    }, "TRN-010", "TRN-026", "TRN-034", "TRN-036"));
    m.add(Mutant.custom("InstancesDoNotShareListeners", Role.TRANSPORT, ns -> {
      AtomicInteger n = new AtomicInteger();
      return Mutant.target(ns, () -> Plugins.transport("memory", Mutant.config(ns + "-" + n.incrementAndGet())), null, null);
    }, "RPC-007", "RPC-008", "RPC-009", "TRN-011", "TRN-036", "TRN-037", "TRN-038").withRpc());
    m.add(Mutant.transport("AcceptHandlerAlsoCalledWithADeadSocket", t -> new ForwardingTransport(t) {
      @Override AcceptHandler handler(AcceptHandler h) {
        return socket -> {
          Thread extra = new Thread(() -> {
            try {
              h.accept(new DeadSocket());
            } catch (Exception ignored) {
              // the dead socket makes handlers fail; that is the point
            }
          });
          extra.setDaemon(true);
          extra.start();
          h.accept(socket);
        };
      }
    }, "TRN-012"));
    m.add(Mutant.transport("ClientAddressesSwapped", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          @Override public String localAddress() {
            return s.remoteAddress();
          }

          @Override public String remoteAddress() {
            return s.localAddress();
          }
        };
      }
    }, "TRN-013"));
    m.add(Mutant.transport("MaxPayloadOverstatedByOne", t -> new ForwardingTransport(t) {
      @Override public long maxPayloadBytes() {
        return delegate.maxPayloadBytes() + 1;
      }
    }, "TRN-014"));
    m.add(Mutant.transport("ReceiveGivesUpAtATenthOfItsTimeout", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          @Override public Message receive(Duration timeout) throws InterruptedException {
            return s.receive(timeout == null ? null : timeout.dividedBy(10));
          }
        };
      }
    }, "TRN-015"));
    m.add(Mutant.transport("ReceiveIgnoresItsTimeout", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          @Override public Message receive(Duration timeout) throws InterruptedException {
            return s.receive(timeout == null ? null : Duration.ofMinutes(10));
          }
        };
      }
    }, "RPC-005", "TRN-015", "TRN-029", "TRN-030").withRpc());
    m.add(Mutant.transport("ClientCloseNeverReachesTheServer", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        AtomicBoolean closed = new AtomicBoolean();
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            if (closed.get()) {
              throw new ClosedException("closed");
            }
            super.send(message);
          }

          @Override public Message receive(Duration timeout) throws InterruptedException {
            if (closed.get()) {
              throw new ClosedException("closed");
            }
            return super.receive(timeout);
          }

          @Override public boolean isOpen() {
            return !closed.get() && super.isOpen();
          }

          @Override public void close() {
            closed.set(true);
          }
        };
      }
    }, "TRN-016", "TRN-018", "TRN-035"));
    m.add(Mutant.transport("ReceiveHangsInsteadOfReportingClose", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          @Override public Message receive(Duration timeout) throws InterruptedException {
            try {
              return super.receive(timeout);
            } catch (ClosedException e) {
              Thread.sleep(Long.MAX_VALUE);
              throw e;
            }
          }
        };
      }
    }, "TRN-017", "TRN-018", "TRN-019", "TRN-021", "TRN-023", "TRN-024", "TRN-031", "TRN-032"));
    m.add(Mutant.transport("SecondCloseThrows", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        AtomicBoolean closed = new AtomicBoolean();
        return new ForwardingSocket(s) {
          @Override public void close() {
            if (!closed.compareAndSet(false, true)) {
              throw new IllegalStateException("already closed");
            }
            super.close();
          }
        };
      }
    }, "TRN-016", "TRN-018", "TRN-019", "TRN-020", "TRN-035", "TRN-036"));
    m.add(Mutant.transport("ListenerCloseOnlyFlipsAFlag", t -> new ForwardingTransport(t) {
      @Override Listener listener(Listener l) {
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
    }, "TRN-021", "TRN-024", "TRN-032"));
    m.add(Mutant.transport("DialToNobodyTimesOut", t -> new ForwardingTransport(t) {
      @Override public Socket dial(String address, Duration timeout) {
        try {
          return super.dial(address, timeout);
        } catch (NoRespondersException e) {
          return new SilentSocket(address);
        }
      }
    }, "TRN-021", "TRN-022", "TRN-032"));
    m.add(Mutant.transport("HandlerFailureClosesTheListener", t -> new ForwardingTransport(t) {
      @Override public Listener listen(String address, AcceptHandler handler) {
        Listener[] self = new Listener[1];
        self[0] = super.listen(address, handler == null ? null : socket -> {
          try {
            handler.accept(socket);
          } catch (IllegalStateException e) {
            self[0].close();
            throw e;
          }
        });
        return self[0];
      }
    }, "TRN-023"));
    m.add(Mutant.transport("CloseLeavesListenersAndSockets", t -> new ForwardingTransport(t) {
      final AtomicBoolean closed = new AtomicBoolean();

      @Override public Listener listen(String address, AcceptHandler handler) {
        if (closed.get()) {
          throw new ClosedException("closed");
        }
        return super.listen(address, handler);
      }

      @Override public Socket dial(String address, Duration timeout) {
        if (closed.get()) {
          throw new ClosedException("closed");
        }
        return super.dial(address, timeout);
      }

      @Override public void close() {
        closed.set(true);
      }
    }, "TRN-024", "TRN-037"));
    m.add(Mutant.transport("InvalidAddressesAreRepaired", t -> new ForwardingTransport(t) {
      @Override public Listener listen(String address, AcceptHandler handler) {
        return super.listen(repair(address), handler);
      }

      @Override public Socket dial(String address, Duration timeout) {
        return super.dial(repair(address), timeout);
      }
    }, "TRN-025"));
    m.add(Mutant.transport("SecondListenSilentlyDoesNothing", t -> new ForwardingTransport(t) {
      @Override public Listener listen(String address, AcceptHandler handler) {
        try {
          return super.listen(address, handler);
        } catch (io.micronats.spi.TransportException e) {
          AtomicBoolean open = new AtomicBoolean(true);
          return new Listener() {
            @Override public String address() {
              return address;
            }

            @Override public boolean isOpen() {
              return open.get();
            }

            @Override public void close() {
              open.set(false);
            }
          };
        }
      }
    }, "TRN-027", "TRN-034"));
    m.add(Mutant.transport("NullMessagesAreIgnored", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            if (message != null) {
              super.send(message);
            }
          }
        };
      }
    }, "TRN-026"));
    return m;
  }

  static String repair(String address) {
    if (address == null) {
      return null;
    }
    String r = address.replaceAll("[\\s*>]", "x").replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "");
    return r.isEmpty() ? "repaired" : r;
  }

  static Socket swapping(Socket s) {
    return new ForwardingSocket(s) {
      Message stash;

      @Override public synchronized Message receive(Duration timeout) throws InterruptedException {
        if (stash != null) {
          Message m = stash;
          stash = null;
          return m;
        }
        Message first = s.receive(timeout);
        try {
          Message second = s.receive(Duration.ofMillis(20));
          stash = first;
          return second;
        } catch (OperationTimeoutException | ClosedException e) {
          return first;
        }
      }
    };
  }

  // Thread.yield() widens the race window the mutant is about; nothing relies on it.
  @SuppressWarnings("ThreadPriorityCheck")
  static Socket racy(Socket s) {
    return new ForwardingSocket(s) {
      Message last;

      @Override public void send(Message message) {
        last = message;
        Thread.yield();
        try {
          Thread.sleep(0, 200_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        super.send(last);
      }
    };
  }

  /** A socket that is closed from the start. */
  static final class DeadSocket implements Socket {
    @Override public void send(Message message) {
      throw new ClosedException("dead");
    }

    @Override public Message receive(Duration timeout) {
      throw new ClosedException("dead");
    }

    @Override public String localAddress() {
      return "dead";
    }

    @Override public String remoteAddress() {
      return "dead";
    }

    @Override public boolean isOpen() {
      return false;
    }

    @Override public void close() {}
  }

  /** A socket to nobody that swallows sends and times out on receive. */
  static final class SilentSocket implements Socket {
    private final String address;

    SilentSocket(String address) {
      this.address = address;
    }

    @Override public void send(Message message) {}

    @Override public Message receive(Duration timeout) throws InterruptedException {
      Thread.sleep(timeout.toMillis());
      throw new OperationTimeoutException("receive from '" + address + "'", timeout);
    }

    @Override public String localAddress() {
      return "silent";
    }

    @Override public String remoteAddress() {
      return address;
    }

    @Override public boolean isOpen() {
      return true;
    }

    @Override public void close() {}
  }
}
