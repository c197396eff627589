package io.micronats.simulator.fault;

import io.micronats.nats.registry.NatsRegistry;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Service instances that exist only in the registry: each has its own {@link NatsRegistry} (its
 * own connection, like its own process), registers one node of {@link #SERVICE} with a TTL and
 * re-registers it as a heartbeat. A crash closes the registry without deregistering.
 */
final class RegistryInstances implements ServiceInstances, AutoCloseable {
  static final String SERVICE = "audited";
  private final PluginConfig config;
  private final Duration ttl;
  private final Map<String, NatsRegistry> live = new LinkedHashMap<>();
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "instances-heartbeat");
    t.setDaemon(true);
    return t;
  });
  private int next;

  RegistryInstances(PluginConfig config, Duration ttl) {
    this.config = config;
    this.ttl = ttl;
    long period = Math.max(50, ttl.toMillis() / 3);
    ScheduledFuture<?> unused = heartbeat.scheduleAtFixedRate(this::beat, period, period, TimeUnit.MILLISECONDS);
  }

  private static Service service(String id) {
    return Service.of(SERVICE, "1.0", Node.of(id, "inbox." + id));
  }

  private synchronized void beat() {
    live.forEach((id, r) -> {
      try {
        r.register(service(id), RegisterOptions.ttl(ttl));
      } catch (RuntimeException e) {
        // a heartbeat lost during a fault; the next one retries
      }
    });
  }

  @Override
  public synchronized List<String> liveInstanceIds() {
    return new ArrayList<>(live.keySet());
  }

  @Override
  public synchronized boolean crash(String instanceId) {
    NatsRegistry r = live.remove(instanceId);
    if (r == null) {
      return false;
    }
    r.close(); // no deregistration: as a killed process
    return true;
  }

  @Override
  public synchronized String startInstance() {
    String id = "i-" + next++;
    start(id);
    return id;
  }

  /** Restarts crashed instances under their old ids, as restarted processes. */
  @Override
  public synchronized List<String> restartCrashed(List<String> instanceIds) {
    List<String> back = new ArrayList<>();
    for (String id : instanceIds) {
      if (!live.containsKey(id)) {
        start(id);
        back.add(id);
      }
    }
    return back;
  }

  private void start(String id) {
    NatsRegistry r = NatsRegistry.builder().config(config.with("shared", "false").with("name", id)).build();
    r.register(service(id), RegisterOptions.ttl(ttl));
    live.put(id, r);
  }

  @Override
  public synchronized boolean stopInstance(String instanceId) {
    NatsRegistry r = live.remove(instanceId);
    if (r == null) {
      return false;
    }
    try {
      r.deregister(service(instanceId));
    } finally {
      r.close();
    }
    return true;
  }

  @Override
  public synchronized void close() {
    heartbeat.shutdownNow();
    live.values().forEach(NatsRegistry::close);
    live.clear();
  }
}
