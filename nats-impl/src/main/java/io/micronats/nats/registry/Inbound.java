package io.micronats.nats.registry;

import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.WatchEvent.Action;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link NatsRegistry} does with the messages it receives: queries from other instances
 * (answered from its own registrations), answers to its own queries, and watch events.
 *
 * <p>Called on the registry's dispatcher thread only. Anything that is not a valid registry
 * message (random bytes, invalid JSON, oversized queries, a query without a reply subject) is
 * ignored and counted as a stranger.
 */
final class Inbound {

  private final NatsRegistry registry;

  Inbound(NatsRegistry registry) {
    this.registry = registry;
  }

  void onQuery(io.nats.client.Message msg) {
    String reply = msg.getReplyTo();
    byte[] data = msg.getData();
    if (reply == null || reply.isEmpty() || data == null || data.length > NatsRegistry.MAX_QUERY_BYTES) {
      registry.counters.strangers.increment();
      return;
    }
    Headers in = msg.getHeaders();
    if (in != null && registry.instance.equals(in.getFirst(NatsRegistry.INSTANCE))) {
      return; // our own query: answered from the local store directly
    }
    RegistryCodec.Result query;
    try {
      query = RegistryCodec.readResult(new String(data, StandardCharsets.UTF_8));
    } catch (RegistryCodec.Refused e) {
      refuse("a query", e); // it asks for a name micronats cannot hold: nothing here to answer with
      return;
    } catch (IllegalArgumentException e) {
      registry.counters.strangers.increment();
      return;
    }
    List<Service> answer;
    String action = query.action().toLowerCase(Locale.ROOT);
    if (action.equals("get") && query.service() != null) {
      answer = registry.store.services(query.service().name());
    } else if (action.equals("list")) {
      answer = registry.store.services(null);
    } else {
      registry.counters.strangers.increment();
      return;
    }
    registry.counters.queriesAnswered.increment();
    Connection c = registry.link.current();
    if (c == null) {
      return;
    }
    String serving = action.equals("get") ? serving(Objects.requireNonNull(query.service()).name()) : null;
    int index = 0;
    for (Service s : answer) {
      // Mn-Part i/n: the asker knows this instance's answer is complete once it holds all n.
      Headers headers = new Headers().put(NatsRegistry.INSTANCE, registry.instance)
          .put(NatsRegistry.PART, index++ + "/" + answer.size());
      if (serving != null) {
        headers.put(NatsRegistry.SERVING, serving);
      }
      long ttl = registry.store.ttlMillis(s.name(), s.version());
      if (ttl > 0) {
        headers.put(NatsRegistry.TTL, Long.toString(ttl));
      }
      try {
        c.publish(reply, headers, RegistryCodec.service(s).getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        NatsRegistry.LOG.warn("could not answer a registry query for '{}': {}", s.name(), e.toString());
      }
    }
  }

  /**
   * The instances this one knows to serve {@code name}, itself first, comma-separated; {@code null}
   * when more than {@value NatsRegistry#MAX_SERVING} (the asker then falls back to the quiet period).
   */
  private @Nullable String serving(String name) {
    Set<String> others = registry.view.instances(name);
    others.remove(registry.instance);
    if (others.size() + 1 > NatsRegistry.MAX_SERVING) {
      return null;
    }
    StringBuilder out = new StringBuilder(registry.instance);
    others.forEach(i -> out.append(',').append(i));
    return out.toString();
  }

  void onReply(io.nats.client.Message msg) {
    QueryCollector collector = registry.queries.get(msg.getSubject());
    if (collector == null || msg.isStatusMessage()) {
      return; // a late answer to a finished query, or a status: nothing to collect
    }
    try {
      Service service = RegistryCodec.readService(new String(msg.getData(), StandardCharsets.UTF_8));
      Headers h = msg.getHeaders();
      String from = h == null ? null : h.getFirst(NatsRegistry.INSTANCE);
      String part = h == null ? null : h.getFirst(NatsRegistry.PART);
      int slash = part == null ? -1 : part.indexOf('/');
      int index = part == null || slash < 0 ? -1 : intOrMinus(part.substring(0, slash));
      int total = part == null || slash < 0 ? -1 : intOrMinus(part.substring(slash + 1));
      String serving = h == null ? null : h.getFirst(NatsRegistry.SERVING);
      collector.onReply(service, from, longHeader(h, NatsRegistry.TTL),
          serving == null ? null : listHeader(h, NatsRegistry.SERVING), index, total);
    } catch (RegistryCodec.Refused e) {
      refuse("an answer", e);
      collector.onRefused(String.valueOf(e.getMessage()), msg.getHeaders() == null ? null : msg.getHeaders().getFirst(NatsRegistry.INSTANCE));
    } catch (IllegalArgumentException e) {
      registry.counters.strangers.increment();
    }
  }

  void onWatch(io.nats.client.Message msg) {
    Headers h = msg.getHeaders();
    String from = h == null ? null : h.getFirst(NatsRegistry.INSTANCE);
    if (registry.instance.equals(from)) {
      return; // our own event: already given to our watchers
    }
    RegistryCodec.Result event;
    try {
      event = RegistryCodec.readResult(new String(msg.getData(), StandardCharsets.UTF_8));
    } catch (RegistryCodec.Refused e) {
      refuse("a watch event", e);
      return;
    } catch (IllegalArgumentException e) {
      registry.counters.strangers.increment();
      return;
    }
    Service service = event.service();
    Action action = switch (event.action().toLowerCase(Locale.ROOT)) {
      case "create" -> Action.CREATE;
      case "update", "put" -> Action.UPDATE;
      case "delete" -> Action.DELETE;
      default -> null;
    };
    if (service == null || action == null) {
      registry.counters.strangers.increment();
      return;
    }
    long now = System.nanoTime();
    if (action == Action.DELETE) {
      registry.store.deregister(service);
    } else if (from != null && !registry.view.instances(service.name()).contains(from)) {
      introduce(service.name());
    }
    registry.view.apply(action, service, from, longHeader(h, NatsRegistry.TTL), now);
    if (h == null || h.getFirst(NatsRegistry.HEARTBEAT) == null) {
      registry.feed.fanOut(new WatchEvent(action, service));
    }
  }

  /**
   * Another micronats instance serves {@code name} and had not been heard of for it: when this
   * instance serves it too, it re-announces its versions of it as heartbeats (not handed to
   * watchers), so that the newcomer learns of it and names it in its {@code Mn-Serving} answers.
   * Bounded: the newcomer then knows us, and everyone else already did. Sent again about a
   * second later, since the newcomer's watch subscription may not have crossed the routes yet.
   */
  void introduce(String name) {
    introduceNow(name);
    registry.introduceAgainLater(name);
  }

  /** Publishes this instance's versions of {@code name} as heartbeats, when it serves the name. */
  void introduceNow(String name) {
    List<Service> mine = registry.store.services(name);
    Connection c = registry.link.current();
    if (mine.isEmpty() || c == null) {
      return;
    }
    for (Service s : mine) {
      try {
        registry.feed.publish(c, new LocalStore.Change(Action.UPDATE, s), registry.store.ttlMillis(s.name(), s.version()), true);
      } catch (RuntimeException e) {
        NatsRegistry.LOG.debug("could not introduce '{}' to a newcomer: {}", name, e.toString());
      }
    }
  }

  /**
   * Counts a go-micro value micronats refuses, and logs it: at WARN for the first
   * {@value #LOUD_REFUSALS} (so an operator learns what to fix on the Go side), then at DEBUG.
   */
  private void refuse(String what, RegistryCodec.Refused e) {
    registry.counters.refused.increment();
    if (registry.counters.refused.sum() <= LOUD_REFUSALS) {
      NatsRegistry.LOG.warn("registry refused {} from another process: {}", what, e.getMessage());
    } else {
      NatsRegistry.LOG.debug("registry refused {} from another process: {}", what, e.getMessage());
    }
  }

  private static final int LOUD_REFUSALS = 20;

  static Set<String> listHeader(@Nullable Headers h, String name) {
    String v = h == null ? null : h.getFirst(name);
    if (v == null || v.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (String part : v.split(",", NatsRegistry.MAX_SERVING + 1)) {
      String id = part.trim();
      if (!id.isEmpty() && out.size() < NatsRegistry.MAX_SERVING) {
        out.add(id);
      }
    }
    return out;
  }

  private static int intOrMinus(String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static long longHeader(@Nullable Headers h, String name) {
    String v = h == null ? null : h.getFirst(name);
    if (v == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(v.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
