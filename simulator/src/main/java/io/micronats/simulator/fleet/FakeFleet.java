package io.micronats.simulator.fleet;

import io.micronats.simulator.scenario.Fleet;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The fleet of fake services: each instance registers through the Registry, serves its
 * endpoints through the {@link RpcBinding} over the Transport, and subscribes to its broker topics
 * (a share of them in a queue group). Instances are grouped onto {@link PluginSet}s, one per
 * {@code servicesPerConnection} instances, placed round robin on the service nodes.
 *
 * <p>Lifecycle: {@link #growTo} and {@link #shrinkTo} change the size (from one control thread);
 * {@link #close()} stops every instance and closes the plugin sets (idempotent). Request handling
 * happens on the plugins' threads and is thread-safe.
 */
public final class FakeFleet implements AutoCloseable {
  private final Fleet spec;
  private final RpcBinding binding;
  private final IntFunction<PluginSet> groupFactory;
  private final List<PluginSet> groups = new ArrayList<>();
  private final List<List<FakeService>> services = new ArrayList<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder events = new LongAdder();
  private final byte[] response;
  private final ThreadLocal<SplittableRandom> random;
  private int instancesCreated;
  private final java.util.function.IntPredicate hosted;
  private final Map<FakeService, Integer> groupOf = new java.util.IdentityHashMap<>();
  private final java.util.Set<Integer> crashedGroups = new java.util.HashSet<>();

  /**
   * A fleet of {@code spec}'s shape; {@code groupFactory} creates plugin set number g (and
   * places it on a node).
   */
  public FakeFleet(Fleet spec, RpcBinding binding, IntFunction<PluginSet> groupFactory, long seed) {
    this(spec, binding, groupFactory, seed, i -> true);
  }

  /**
   * A fleet that hosts only the services {@code hosted} accepts; the others count in
   * {@link #size()} (workloads target them) but run elsewhere, for example in another simulator
   * agent.
   */
  public FakeFleet(Fleet spec, RpcBinding binding, IntFunction<PluginSet> groupFactory, long seed,
      java.util.function.IntPredicate hosted) {
    this.hosted = hosted;
    this.spec = spec;
    this.binding = binding;
    this.groupFactory = groupFactory;
    this.response = new byte[spec.responseBytes()];
    SplittableRandom root = new SplittableRandom(seed);
    this.random = ThreadLocal.withInitial(() -> {
      synchronized (root) {
        return root.split();
      }
    });
  }

  /** Number of services running. */
  public synchronized int size() {
    return services.size();
  }

  /** Plugin sets (connections) in use. */
  public synchronized int connections() {
    return groups.size();
  }

  /** Requests the fleet's handlers answered. */
  public long requestsHandled() {
    return requests.sum();
  }

  /** Broker events the fleet's subscriptions received. */
  public long eventsReceived() {
    return events.sum();
  }

  /** The RPC binding in use. */
  public RpcBinding binding() {
    return binding;
  }

  /**
   * Starts services until {@code count} run. Registration happens synchronously.
   *
   * @throws Exception when a service cannot start; the services started so far keep running
   */
  public synchronized void growTo(int count) throws Exception {
    while (services.size() < count) {
      int i = services.size();
      List<FakeService> instances = new ArrayList<>();
      for (int j = 0; j < spec.instancesPerService() && hosted.test(i); j++) {
        instances.add(startInstance(i, j));
      }
      services.add(instances);
    }
  }

  /** Stops services (the newest first) until {@code count} run. */
  public synchronized void shrinkTo(int count) {
    while (services.size() > count) {
      List<FakeService> instances = services.remove(services.size() - 1);
      instances.forEach(FakeService::close);
      instances.forEach(groupOf::remove);
    }
  }

  private FakeService startInstance(int i, int j) throws Exception {
    int group = instancesCreated / spec.servicesPerConnection();
    instancesCreated++;
    while (groups.size() <= group) {
      groups.add(groupFactory.apply(groups.size()));
    }
    PluginSet set = groups.get(group);
    List<Endpoint> endpoints = new ArrayList<>();
    for (int e = 0; e < spec.endpointsPerService(); e++) {
      endpoints.add(Endpoint.of(FleetNames.endpoint(e)));
    }
    Service service = new Service(FleetNames.service(i), "1.0.0", Map.of("sim", "fleet"), endpoints, List.of());
    RpcBinding.Served served = binding.serve(set, service, FleetNames.node(i, j), this::handle);
    List<Subscription> subscriptions = new ArrayList<>();
    try {
      boolean queued = (i % 100) < Math.round(spec.queueGroupShare() * 100);
      for (int k = 0; k < spec.topicsPerService(); k++) {
        SubscribeOptions options = queued ? SubscribeOptions.defaults().withQueue(FleetNames.queue(i))
            : SubscribeOptions.defaults();
        subscriptions.add(set.broker().subscribe(FleetNames.topic(i, k), event -> events.increment(), options));
      }
    } catch (RuntimeException e) {
      subscriptions.forEach(Subscription::unsubscribe);
      served.close();
      throw e;
    }
    FakeService created = new FakeService(i, j, served, subscriptions);
    groupOf.put(created, group);
    return created;
  }

  private byte[] handle(String endpoint, byte[] request) {
    long nanos = spec.handlerLatency().sampleNanos(random.get());
    if (nanos > 0) {
      long deadline = System.nanoTime() + nanos;
      for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
    }
    requests.increment();
    return response;
  }

  /** The registry node ids of the instances running and not crashed. */
  public synchronized List<String> liveNodeIds() {
    List<String> ids = new ArrayList<>();
    for (List<FakeService> instances : services) {
      for (FakeService f : instances) {
        if (!crashedGroups.contains(groupOf.getOrDefault(f, -1))) {
          ids.add(FleetNames.node(f.index(), f.instance()));
        }
      }
    }
    return ids;
  }

  /**
   * Crashes the plugin set hosting instance {@code nodeId}, with every service on it: its
   * connection, transport, broker and registry close without deregistering anything, the way a
   * killed process hosting those services looks to the others.
   *
   * @return false when no live instance has that id
   */
  public synchronized boolean crashHostOf(String nodeId) {
    for (List<FakeService> instances : services) {
      for (FakeService f : instances) {
        Integer g = groupOf.get(f);
        if (g != null && !crashedGroups.contains(g) && FleetNames.node(f.index(), f.instance()).equals(nodeId)) {
          crashedGroups.add(g);
          groups.get(g).close();
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public synchronized void close() {
    shrinkTo(0);
    for (PluginSet set : groups) {
      set.close();
    }
    groups.clear();
  }
}
