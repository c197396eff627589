package io.micronats.nats.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.spi.Message;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.TransportException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Service;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcServer;
import io.micronats.spi.rpc.Selectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RPC under a node kill on a real 3-node cluster: the caller on node 0, services on nodes 1 and
 * 2 (some with one instance on node 1 only, some with an instance on each), node 1 killed with
 * SIGKILL under paced load. The failed calls must be few (about the calls in flight to node 1 and
 * those sent to its services while they reconnect to another node), each a typed failure the
 * simulator can classify, and none after the services are back.
 */
class RpcNodeKillTest {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);
  private static final double RATE = 200; // calls per second
  private static final int WORKERS = 48;
  /** Services with one instance, on node 1 (they are unreachable while they reconnect). */
  private static final List<String> SOLO_ON_KILLED = List.of("solo-1a", "solo-1b", "solo-1c");
  /** Services with an instance on node 1 and one on node 2 (the client fails over). */
  private static final List<String> DUO = List.of("duo-a", "duo-b", "duo-c");
  /** Services with one instance, on node 2 (never touched by the fault). */
  private static final List<String> SOLO_ON_SURVIVOR = List.of("solo-2a", "solo-2b", "solo-2c");

  private NatsCluster cluster;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /** One call: when it was due, when it ended, to which service, and how it failed (null: ok). */
  private record CallRecord(long intended, long done, String service, Throwable failure) {}

  @BeforeEach
  void startCluster() {
    cluster = NatsCluster.builder().nodes(3).build();
    cluster.start();
  }

  @AfterEach
  void closeAll() {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        // best effort: the cluster goes next
      }
    }
    cluster.close();
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    toClose.add(c);
    return c;
  }

  /** A transport and registry sharing one connection to {@code node} (discovering the others). */
  private record Plugins(NatsTransport transport, NatsRegistry registry) {}

  private Plugins on(int node, String name) {
    PluginConfig config = PluginConfig.of("addresses", cluster.node(node).clientUrl(), "name", name);
    NatsRegistry registry = closeLater(NatsRegistry.builder().config(config).build());
    NatsTransport transport = closeLater(NatsTransport.builder().config(config).build());
    return new Plugins(transport, registry);
  }

  private void serve(Plugins p, String service) {
    closeLater(RpcServer.builder().name(service).transport(p.transport()).registry(p.registry())
        .ttl(Duration.ofSeconds(30)).endpoint("Echo.Call", request -> request).build().start());
  }

  /** What a paced run saw: every call, when node 1 was killed and when its services answered again. */
  private record LoadRun(List<CallRecord> calls, long killedAt, long recoveredAt) {}

  @Test
  void killingTheNodeOfSomeServicesFailsFewCallsEachTypedAndNoneAfterRecovery() throws Exception {
    List<String> services = startServices();
    Plugins caller = on(0, "caller-node-0");
    RpcClient client = closeLater(RpcClient.builder().transport(caller.transport()).registry(caller.registry())
        .selector(Selectors.random()).timeout(CALL_TIMEOUT).refresh(Duration.ofSeconds(1)).build());
    awaitAllNodesVisible(client, services);

    LoadRun run = loadKillingNode1(client, services);
    assertThat(run.recoveredAt()).as("calls to the services of the killed node succeed again").isNotZero();
    List<CallRecord> failed = run.calls().stream().filter(r -> r.failure() != null).toList();
    Map<String, Integer> byCause = new TreeMap<>();
    failed.forEach(r -> byCause.merge(r.failure().getClass().getSimpleName(), 1, Integer::sum));
    long recoveryMillis = (run.recoveredAt() - run.killedAt()) / 1_000_000;
    String summary = run.calls().size() + " calls, " + failed.size() + " failed " + byCause
        + "; services of the killed node answered again " + recoveryMillis + " ms after the kill";
    System.out.println("RpcNodeKillTest: " + summary);

    // (b) every failure is typed: a timeout (in flight to the dead node), no responders (sent
    // while the services reconnected) or a connection failure; never "not found" nor anything else
    for (CallRecord r : failed) {
      assertThat(r.failure()).as(summary).isInstanceOfAny(OperationTimeoutException.class,
          NoRespondersException.class, TransportException.class);
    }
    // (a) few: at most the calls routed to node 1 until its services answered again (plus half a
    // second for the machine's hiccups), plus the calls in flight; a stale cache or a stuck
    // connection would fail calls for the rest of the run and break this bound
    double killedShare = (SOLO_ON_KILLED.size() + DUO.size() / 2.0) / services.size();
    long bound = Math.round(RATE * killedShare * (recoveryMillis / 1000.0 + 0.5)) + WORKERS;
    assertThat((long) failed.size()).as(summary).isLessThanOrEqualTo(bound);
    // failover: a service with a live instance elsewhere loses at most the calls in flight
    assertThat(failed.stream().filter(r -> DUO.contains(r.service())).count()).as(summary)
        .isLessThanOrEqualTo(WORKERS / 2);
    // untouched services lose nothing
    assertThat(failed.stream().filter(r -> SOLO_ON_SURVIVOR.contains(r.service())).count()).as(summary).isZero();
    // after recovery (plus one call timeout for what was in flight), nothing fails
    long settled = run.recoveredAt() + CALL_TIMEOUT.toNanos();
    assertThat(failed.stream().filter(r -> r.intended() > settled).toList()).as(summary).isEmpty();
    assertThat(run.calls().stream().filter(r -> r.intended() > settled).count()).as(summary).isPositive();
  }

  /** Starts the services on nodes 1 and 2; returns every service name. */
  private List<String> startServices() {
    Plugins onKilled = on(1, "services-node-1");
    Plugins onSurvivor = on(2, "services-node-2");
    SOLO_ON_KILLED.forEach(s -> serve(onKilled, s));
    DUO.forEach(s -> serve(onKilled, s));
    DUO.forEach(s -> serve(onSurvivor, s));
    SOLO_ON_SURVIVOR.forEach(s -> serve(onSurvivor, s));
    List<String> services = new ArrayList<>();
    services.addAll(SOLO_ON_KILLED);
    services.addAll(DUO);
    services.addAll(SOLO_ON_SURVIVOR);
    return services;
  }

  /**
   * Calls the services round robin at {@link #RATE} (open model: each call due at its time, on
   * one of {@link #WORKERS} threads), kills node 1 after 2 s, and goes on until 3 s after the first
   * success of a node-1-only service (at most 15 s in all).
   */
  private LoadRun loadKillingNode1(RpcClient client, List<String> services) throws InterruptedException {
    ConcurrentLinkedQueue<CallRecord> records = new ConcurrentLinkedQueue<>();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    long period = (long) (1e9 / RATE);
    long start = System.nanoTime();
    long killAt = start + Duration.ofSeconds(2).toNanos();
    long hardEnd = start + Duration.ofSeconds(15).toNanos();
    long killedAt = 0;
    long recoveredAt = 0;
    long end = hardEnd;
    try {
      for (long k = 0; start + k * period < end; k++) {
        long intended = start + k * period;
        parkUntil(intended);
        if (killedAt == 0 && System.nanoTime() >= killAt) {
          cluster.node(1).kill();
          killedAt = System.nanoTime();
        }
        if (killedAt != 0 && recoveredAt == 0) {
          recoveredAt = firstSoloSuccessAfter(records, killedAt);
          end = recoveredAt == 0 ? hardEnd : Math.min(hardEnd, recoveredAt + Duration.ofSeconds(3).toNanos());
        }
        String service = services.get((int) (k % services.size()));
        workers.execute(() -> records.add(call(client, service, intended)));
      }
    } finally {
      workers.shutdown();
      assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    return new LoadRun(new ArrayList<>(records), killedAt, recoveredAt);
  }

  private static CallRecord call(RpcClient client, String service, long intended) {
    try {
      client.call(service, "Echo.Call", Message.of("x"));
      return new CallRecord(intended, System.nanoTime(), service, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CallRecord(intended, System.nanoTime(), service, e);
    } catch (RuntimeException e) {
      return new CallRecord(intended, System.nanoTime(), service, e);
    }
  }

  private static long firstSoloSuccessAfter(ConcurrentLinkedQueue<CallRecord> records, long killedAt) {
    long first = 0;
    for (CallRecord r : records) {
      if (r.failure() == null && SOLO_ON_KILLED.contains(r.service()) && r.intended() > killedAt
          && (first == 0 || r.done() < first)) {
        first = r.done();
      }
    }
    return first;
  }

  private static void awaitAllNodesVisible(RpcClient client, List<String> services) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (String s : services) {
      int expected = DUO.contains(s) ? 2 : 1;
      while (true) {
        int nodes = 0;
        try {
          for (Service v : client.lookup(s)) {
            nodes += v.nodes().size();
          }
        } catch (io.micronats.spi.ServiceNotFoundException e) {
          nodes = 0;
        }
        if (nodes == expected) {
          break;
        }
        assertThat(System.nanoTime() - deadline).as("service %s visible with %d nodes", s, expected).isNegative();
        Thread.sleep(20);
      }
    }
  }

  private static void parkUntil(long deadline) {
    for (long wait = deadline - System.nanoTime(); wait > 0; wait = deadline - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }
}
