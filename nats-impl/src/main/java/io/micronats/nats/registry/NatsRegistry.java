package io.micronats.nats.registry;

import io.micronats.spi.Names;
import io.micronats.spi.RegistryException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.WatchEvent.Action;
import io.micronats.spi.registry.Watcher;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.NUID;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS registry: each instance answers broadcast queries for the services registered through
 * it, and announces changes on a watch subject.
 *
 * <p>Thread-safe. It connects on creation by its provider (or on first use), through one jnats
 * connection shared per settings, with one dispatcher thread for queries, replies and events and
 * one daemon thread ({@code registry-nats-ttl-<n>}) that expires nodes whose TTL ran out.
 * {@link #close()} stops both and the watchers, without deregistering (as a crash would; nodes
 * with a TTL then expire everywhere).
 *
 * <pre>{@code
 * try (NatsRegistry registry = NatsRegistry.builder().config(PluginConfig.of("addresses", urls))
 *         .strategy(LookupStrategy.EARLY_COMPLETION).build()) {
 *   registry.register(Service.of("greeter", "1.0", Node.of("g-1", "inbox.g-1")), RegisterOptions.ttl(Duration.ofSeconds(30)));
 *   List<Service> found = registry.getService("greeter");
 * }
 * }</pre>
 *
 * <p>How it differs from go-micro's NATS registry: lookups finish as soon as the answer is known
 * ({@link LookupStrategy}); an unknown name throws {@link ServiceNotFoundException}; an unreachable
 * NATS throws {@link RegistryException} instead of an empty success; deregistration really
 * removes; nodes are de-duplicated by id; TTLs are honoured, and a node whose heartbeats stop
 * (re-registrations) expires for watchers too; messages from strangers on the subjects are
 * ignored and counted ({@link #stats()}).
 */
public final class NatsRegistry implements Registry {

  /** Settings key: {@code micronats} or {@code go-micro} ({@link WireProfile}). */
  public static final String PROFILE = "profile";
  /** Settings key: the query subject (default from the profile). */
  public static final String QUERY_SUBJECT = "query.subject";
  /** Settings key: the watch subject (default from the profile). */
  public static final String WATCH_SUBJECT = "watch.subject";
  /** Settings key: {@code fixed_window}, {@code early_completion} or {@code cached}. */
  public static final String STRATEGY = "strategy";
  /** Settings key: the query window (default 100ms). */
  public static final String WINDOW = "window";
  /** Settings key: the least quiet period that ends an early-completed query (default 20ms). */
  public static final String QUIET = "quiet";
  /**
   * Settings key: how long a go-micro node (which carries no TTL) is kept by the cache and the
   * watch view without being heard of again (default 1m, as go-micro's client cache).
   */
  public static final String GO_NODE_TTL = "go.node.ttl";
  /** Settings key: the most nodes of other instances remembered at once (default 20000). */
  public static final String MAX_REMOTE_NODES = "remote.max.nodes";
  /**
   * The default of {@value #MAX_REMOTE_NODES}: issue 15 measured about 3 KiB per small remembered
   * service, so some 60 MiB at most; 4 times the 5,000-service fleets the simulator runs.
   */
  static final int DEFAULT_MAX_REMOTE_NODES = 20_000;
  /** Settings key: how long an operation waits for a reconnecting connection before failing (default 3s). */
  public static final String RECONNECT_GRACE = "reconnect.grace";

  static final String INSTANCE = "Mn-Instance";
  static final String TTL = "Mn-Ttl";
  static final String HEARTBEAT = "Mn-Heartbeat";
  /** Answer header: the instances the answerer knows to serve the name (itself first). */
  static final String SERVING = "Mn-Serving";
  /** Answer header {@code i/n}: this is reply {@code i} (from 0) of the {@code n} the answerer sends for the query. */
  static final String PART = "Mn-Part";
  /** At most this many instance ids travel in {@value #SERVING}. */
  static final int MAX_SERVING = 32;
  static final Logger LOG = LoggerFactory.getLogger(NatsRegistry.class);
  static final int MAX_QUERY_BYTES = 64 * 1024;

  private final String querySubject;
  private final String watchSubject;
  private final WireProfile profile;
  private final LookupStrategy strategy;
  private final Duration window;
  private final Duration quiet;
  final String instance = NUID.nextGlobal();
  private final String replyPrefix = "_INBOX." + NUID.nextGlobal();
  final LocalStore store = new LocalStore();
  final RemoteView view;
  final ConcurrentHashMap<String, QueryCollector> queries = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  final RegistryCounters counters = new RegistryCounters();
  final RegistryLink link;
  final WatchFeed feed;

  private NatsRegistry(Builder b) {
    this.profile = b.profile;
    this.querySubject = b.querySubject != null ? b.querySubject : b.profile.querySubject();
    this.watchSubject = b.watchSubject != null ? b.watchSubject : b.profile.watchSubject();
    this.strategy = b.strategy;
    this.window = b.window;
    this.quiet = b.quiet;
    this.view = new RemoteView(b.goNodeTtl.toNanos(), b.maxRemoteNodes);
    this.feed = new WatchFeed(watchSubject, instance, profile);
    this.link = new RegistryLink(b.config, b.reconnectGrace, b.sweep, this::subscribe, this::sweep);
  }

  /** A builder with the defaults: local server, {@link WireProfile#MICRONATS}, early completion, 100 ms window. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NatsRegistryProvider.NAME;
  }

  /** This instance's id, carried in the {@code Mn-Instance} header of its answers and events. */
  public String instanceId() {
    return instance;
  }

  /** The lookup strategy in use. */
  public LookupStrategy strategy() {
    return strategy;
  }

  /** The query subject in use. */
  public String querySubject() {
    return querySubject;
  }

  /** The watch subject in use. */
  public String watchSubject() {
    return watchSubject;
  }

  /**
   * Registers (or refreshes) nodes; with a TTL, they must be registered again before it runs out
   * (each registration is a heartbeat that other instances' watchers see as liveness).
   *
   * @throws RegistryException when NATS cannot be reached, or the announcement was refused (larger
   *     than the server's max payload, ...); nothing was registered, and the local state is as before
   */
  @Override
  public void register(Service service, RegisterOptions options) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(options, "options");
    Connection c = link.connected("register '" + service.name() + "'");
    long ttl = options.ttl().map(d -> Math.max(1, d.toMillis())).orElse(0L);
    LocalStore.Snapshot before = store.snapshot(service.name(), service.version());
    LocalStore.Change change = store.register(service, ttl, System.nanoTime());
    if (change != null) {
      try {
        feed.announce(c, change, ttl, false);
      } catch (RegistryException e) {
        store.restore(before); // atomic: a registration that could not be announced leaves nothing behind
        throw e;
      }
    }
    if (ttl > 0 && (change == null || !change.service().nodes().equals(service.nodes()))) {
      feed.announce(c, new LocalStore.Change(Action.UPDATE, service), ttl, true);
    }
  }

  /**
   * Removes nodes, also those registered through another instance (which removes them when it
   * sees the delete event).
   *
   * @throws RegistryException when NATS cannot be reached
   */
  @Override
  public void deregister(Service service) {
    Objects.requireNonNull(service, "service");
    Connection c = link.connected("deregister '" + service.name() + "'");
    LocalStore.Change change = store.deregister(service);
    if (change != null) {
      feed.announce(c, change, 0, false);
      return;
    }
    feed.publish(c, new LocalStore.Change(Action.DELETE, service), 0, false);
    List<Node> removed = view.apply(Action.DELETE, service, "", 0, System.nanoTime());
    if (!removed.isEmpty()) {
      feed.fanOut(new WatchEvent(Action.DELETE, service.withNodes(removed)));
    }
  }

  /**
   * Every version of the service, each with its nodes, per the {@link LookupStrategy}.
   *
   * @throws ServiceNotFoundException when no instance answered for the name
   * @throws UnsupportedValueException when an answer held a value micronats refuses (a go-micro
   *     node with an empty id, ...): never a silently partial answer
   * @throws RegistryException when NATS cannot be reached (before or after the query)
   */
  @Override
  public List<Service> getService(String name) {
    Names.requireServiceName(name);
    Connection c = link.connected("look up '" + name + "'");
    counters.lookups.increment();
    long epoch = c.getStatistics().getReconnects();
    if (strategy == LookupStrategy.CACHED) {
      List<Service> cached = view.cached(name, epoch);
      if (cached != null) {
        counters.cacheHits.increment();
        List<Service> all = new ArrayList<>(cached);
        all.addAll(store.services(name));
        if (all.isEmpty()) {
          throw new ServiceNotFoundException("service '" + name + "' not found: the watch stream saw its last node go");
        }
        return List.copyOf(QueryCollector.merge(all));
      }
    }
    List<Service> local = store.services(name);
    Answer answer = query(c, "get", name, !local.isEmpty());
    List<RemoteView.Part> parts = answer.parts();
    link.connected("look up '" + name + "'");
    if (!answer.refusals().isEmpty()) {
      throw new UnsupportedValueException("look up '" + name + "': " + answer.refusals().size()
          + " answer(s) refused, first: " + answer.refusals().get(0));
    }
    if (strategy == LookupStrategy.CACHED && answer.outcome() != QueryCollector.Outcome.INCOMPLETE) {
      view.prime(name, parts, epoch, System.nanoTime()); // only a complete answer fills the cache
    }
    List<Service> all = new ArrayList<>();
    for (RemoteView.Part p : parts) {
      if (p.service().name().equals(name)) {
        all.add(p.service());
      }
    }
    all.addAll(local);
    if (all.isEmpty()) {
      throw new ServiceNotFoundException("service '" + name + "' not found: no instance answered within "
          + window.toMillis() + " ms");
    }
    return List.copyOf(QueryCollector.merge(all));
  }

  /**
   * Every (name, version) any instance answers for, with nodes.
   *
   * @throws RegistryException when NATS cannot be reached
   */
  @Override
  public List<Service> listServices() {
    Connection c = link.connected("list services");
    List<Service> local = store.services(null);
    List<RemoteView.Part> parts = query(c, "list", null, !local.isEmpty()).parts();
    link.connected("list services");
    List<Service> all = new ArrayList<>();
    parts.forEach(p -> all.add(p.service()));
    all.addAll(local);
    return List.copyOf(QueryCollector.merge(all));
  }

  @Override
  public Watcher watch() {
    return newWatcher(null);
  }

  @Override
  public Watcher watch(String service) {
    return newWatcher(Names.requireServiceName(service));
  }

  /** A snapshot of this registry's counters. */
  public RegistryStats stats() {
    return counters.snapshot(view.droppedNodes(), view.nodeCount());
  }

  /**
   * Connects now, if possible; a failure is logged and the next operation tries again (and
   * throws). Providers call this so that the instance hears watch events from the start.
   */
  public NatsRegistry startQuietly() {
    try {
      link.start();
    } catch (RegistryException e) {
      LOG.debug("registry could not connect yet: {}", e.getMessage());
    }
    return this;
  }

  @Override
  public void close() {
    link.close(feed::stopAll);
  }

  @Override
  public String toString() {
    return "NatsRegistry[" + querySubject + ", " + strategy + ", instance " + instance + "]";
  }

  // ---- internals ----

  private Watcher newWatcher(@Nullable String service) {
    link.connected("watch");
    return feed.watcher(service);
  }

  /** The replies to one query, how it ended, and the answers refused (see {@link UnsupportedValueException}). */
  private record Answer(List<RemoteView.Part> parts, QueryCollector.Outcome outcome, List<String> refusals) {}

  private Answer query(Connection c, String action, @Nullable String name, boolean answeredLocally) {
    Set<String> expected = view.instances(name);
    BooleanSupplier gone = name == null ? () -> false : () -> view.recentlyGone(name, System.nanoTime());
    QueryCollector collector = new QueryCollector(expected, instance, name == null, answeredLocally, gone);
    String inbox = replyPrefix + "." + ids.incrementAndGet();
    queries.put(inbox, collector);
    try {
      Headers headers = new Headers().put(INSTANCE, instance);
      c.publish(querySubject, inbox, headers, RegistryCodec.query(action, name).getBytes(StandardCharsets.UTF_8));
      QueryCollector.Outcome outcome = collector.await(window.toNanos(), strategy == LookupStrategy.FIXED_WINDOW, quiet.toNanos());
      (outcome == QueryCollector.Outcome.INCOMPLETE ? counters.queriesIncomplete
          : outcome == QueryCollector.Outcome.WINDOW ? counters.queriesWindow : counters.queriesComplete).increment();
      return new Answer(collector.parts(), outcome, collector.refusals());
    } catch (IllegalStateException e) {
      throw new RegistryException("query for '" + name + "' could not be sent: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("query for '" + name + "' was interrupted", e);
    } finally {
      queries.remove(inbox);
    }
  }

  /** Introductions to send again (name, due nanoTime); bounded by {@link #MAX_REINTRODUCTIONS}. */
  private final java.util.concurrent.ConcurrentLinkedQueue<java.util.Map.Entry<String, Long>> reintroductions =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger reintroductionCount = new java.util.concurrent.atomic.AtomicInteger();
  static final int MAX_REINTRODUCTIONS = 10_000;
  static final long REINTRODUCE_NANOS = 1_000_000_000L;
  private volatile @Nullable Inbound inbound;

  /** Schedules {@code name}'s introduction again in about a second (dropped when too many wait). */
  void introduceAgainLater(String name) {
    if (reintroductionCount.incrementAndGet() > MAX_REINTRODUCTIONS) {
      reintroductionCount.decrementAndGet();
      return;
    }
    reintroductions.add(java.util.Map.entry(name, System.nanoTime() + REINTRODUCE_NANOS));
  }

  private void reintroduce(long now) {
    Inbound in = inbound;
    for (int i = 0; i < MAX_REINTRODUCTIONS; i++) {
      java.util.Map.Entry<String, Long> next = reintroductions.peek();
      if (next == null || now - next.getValue() < 0) {
        return;
      }
      reintroductions.poll();
      reintroductionCount.decrementAndGet();
      if (in != null) {
        in.introduceNow(next.getKey());
      }
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    try {
      reintroduce(now);
      Connection c = link.current();
      for (LocalStore.Change change : store.expire(now)) {
        counters.expiredLocal.add(change.service().nodes().size());
        if (c != null) {
          try {
            feed.announce(c, change, 0, false);
          } catch (RegistryException e) {
            feed.fanOut(new WatchEvent(change.action(), change.service()));
            LOG.debug("expiry of '{}' not announced: {}", change.service().name(), e.getMessage());
          }
        }
      }
      for (LocalStore.Change change : view.expire(now)) {
        counters.expiredRemote.add(change.service().nodes().size());
        feed.fanOut(new WatchEvent(change.action(), change.service()));
      }
    } catch (RuntimeException e) {
      // Outermost frame of the timer thread: keep sweeping.
      LOG.warn("registry TTL sweep failed", e);
    }
  }

  /** Subscribes the registry's dispatcher: queries, watch events, and answers to its own queries. */
  private void subscribe(Dispatcher d) {
    Inbound inbound = new Inbound(this);
    this.inbound = inbound;
    d.subscribe(querySubject, inbound::onQuery);
    d.subscribe(watchSubject, inbound::onWatch);
    d.subscribe(replyPrefix + ".*", inbound::onReply);
    if (profile == WireProfile.MICRONATS) {
      watchForGoMicro(d);
    }
  }

  /**
   * In profile micronats, listens on go-micro's registry subjects until the first message, then
   * warns once that go-micro processes are there and cannot see this registry (nor it them), and
   * which setting fixes it; then unsubscribes, so the cost is one message.
   */
  private void watchForGoMicro(Dispatcher d) {
    java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
    for (String subject : List.of(WireProfile.GO_MICRO.querySubject(), WireProfile.GO_MICRO.watchSubject())) {
      if (subject.equals(querySubject) || subject.equals(watchSubject)) {
        continue;
      }
      d.subscribe(subject, msg -> {
        Headers h = msg.getHeaders();
        boolean micronats = h != null && h.getFirst(INSTANCE) != null; // a micronats registry in profile go-micro
        if (micronats && seen.incrementAndGet() < 1000) {
          return; // keep listening for a real go-micro process, for a bounded number of messages
        }
        if (!micronats && warned.compareAndSet(false, true)) {
          LOG.warn("a go-micro process is using the registry on '{}', but this registry speaks profile micronats"
              + " on '{}': neither sees the other. Set the registry setting '{}' to 'go-micro'"
              + " (environment: MICRO_REGISTRY_PROFILE=go-micro) to interoperate.", subject, querySubject, PROFILE);
        }
        try {
          d.unsubscribe(subject);
        } catch (RuntimeException e) {
          LOG.debug("could not stop listening on '{}': {}", subject, e.toString());
        }
      });
    }
  }

  /** Builds a {@link NatsRegistry}. Not thread-safe; {@link #build()} does no I/O. */
  public static final class Builder {
    private PluginConfig config = PluginConfig.empty();
    private WireProfile profile = WireProfile.MICRONATS;
    private @Nullable String querySubject;
    private @Nullable String watchSubject;
    private LookupStrategy strategy = LookupStrategy.EARLY_COMPLETION;
    private Duration window = Duration.ofMillis(100);
    private Duration quiet = Duration.ofMillis(20);
    private Duration sweep = Duration.ofMillis(50);
    private Duration reconnectGrace = Duration.ofSeconds(3);
    private Duration goNodeTtl = Duration.ofMinutes(1);
    private int maxRemoteNodes = DEFAULT_MAX_REMOTE_NODES;

    private Builder() {}

    /**
     * Connection settings plus {@value #PROFILE}, {@value #QUERY_SUBJECT}, {@value #WATCH_SUBJECT},
     * {@value #STRATEGY}, {@value #WINDOW}, {@value #QUIET}, {@value #RECONNECT_GRACE},
     * {@value #GO_NODE_TTL} and {@value #MAX_REMOTE_NODES}.
     */
    public Builder config(PluginConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      value.get(PROFILE).ifPresent(p -> profile(parse(WireProfile.class, PROFILE, p)));
      value.get(QUERY_SUBJECT).ifPresent(this::querySubject);
      value.get(WATCH_SUBJECT).ifPresent(this::watchSubject);
      value.get(STRATEGY).ifPresent(s -> strategy(parse(LookupStrategy.class, STRATEGY, s)));
      window(value.duration(WINDOW, window));
      quiet(value.duration(QUIET, quiet));
      reconnectGrace(value.duration(RECONNECT_GRACE, reconnectGrace));
      goNodeTtl(value.duration(GO_NODE_TTL, goNodeTtl));
      value.get(MAX_REMOTE_NODES).ifPresent(v -> {
        try {
          maxRemoteNodes(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("setting '" + MAX_REMOTE_NODES + "' must be a whole number, was '" + v + "'", e);
        }
      });
      return this;
    }

    /** The wire profile: subjects and event vocabulary. */
    public Builder profile(WireProfile value) {
      this.profile = Objects.requireNonNull(value, "profile");
      return this;
    }

    /** Overrides the profile's query subject. */
    public Builder querySubject(String subject) {
      this.querySubject = Names.requirePublishTopic(subject);
      return this;
    }

    /** Overrides the profile's watch subject. */
    public Builder watchSubject(String subject) {
      this.watchSubject = Names.requirePublishTopic(subject);
      return this;
    }

    /** How lookups decide they are complete. */
    public Builder strategy(LookupStrategy value) {
      this.strategy = Objects.requireNonNull(value, "strategy");
      return this;
    }

    /** The longest a query waits for answers (go-micro's timeout, 100 ms by default). */
    public Builder window(Duration value) {
      this.window = positive(value, "window");
      return this;
    }

    /** The least quiet period that ends an early-completed query (20 ms by default). */
    public Builder quiet(Duration value) {
      this.quiet = positive(value, "quiet");
      return this;
    }

    /**
     * How long an operation waits for a connection that jnats is re-establishing before it fails
     * with a {@link RegistryException} (3 s by default; zero fails at once).
     */
    public Builder reconnectGrace(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("reconnect grace must not be negative, was " + value);
      }
      this.reconnectGrace = value;
      return this;
    }

    /**
     * How long a node of a go-micro process (which sends no TTL) is kept by the cache and the
     * watch view after it was last heard of (a query answer or a watch event); 1 minute by default,
     * as go-micro's client cache. go-micro re-registers every 30 s, which refreshes it.
     */
    public Builder goNodeTtl(Duration value) {
      this.goNodeTtl = positive(value, "go node ttl");
      return this;
    }

    /**
     * The most nodes of other instances (learnt from watch events and cached answers) this
     * registry remembers at once; {@value NatsRegistry#DEFAULT_MAX_REMOTE_NODES} by default. Beyond
     * it, announced nodes are not remembered (counted in {@link RegistryStats#remoteNodesDropped()});
     * lookups still find them by query, the cache does not serve their names.
     */
    public Builder maxRemoteNodes(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("max remote nodes must be >= 1, was " + value);
      }
      this.maxRemoteNodes = value;
      return this;
    }

    /** How often TTLs are checked (50 ms by default). */
    public Builder sweep(Duration value) {
      this.sweep = positive(value, "sweep");
      return this;
    }

    /** The registry; not connected until {@link NatsRegistry#startQuietly()} or first use. */
    public NatsRegistry build() {
      if (querySubject != null && querySubject.equals(watchSubject)) {
        throw new IllegalArgumentException("query and watch subjects must differ, both are '" + querySubject + "'");
      }
      return new NatsRegistry(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String key, String raw) {
      try {
        return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("setting '" + key + "' must be one of "
            + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + raw + "'", e);
      }
    }
  }
}
