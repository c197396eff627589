package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The audit against a registry view that forgets dead instances late and learns new ones late. */
class RegistryAuditTest {
  private static final long MS = 1_000_000;
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  /** What the registry returns: id -> visible from (nanos), hidden from (nanos). */
  private final Map<String, long[]> view = new HashMap<>();
  private long now;

  private Set<String> lookup() {
    return view.entrySet().stream().filter(e -> e.getValue()[0] <= now && now < e.getValue()[1])
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  @Test
  void countsMissingLiveAndReturnedDeadAndHowLongTheyStayed() {
    RegistryAudit audit = new RegistryAudit(() -> Set.copyOf(live), this::lookup);
    for (String id : new String[] {"a", "b", "c"}) {
      live.add(id);
      view.put(id, new long[] {0, Long.MAX_VALUE});
    }
    for (now = 0; now < 100 * MS; now += 10 * MS) {
      audit.sample(now);
    }
    // c crashes at 100 ms; the registry keeps returning it until 400 ms
    live.remove("c");
    audit.died("c", 100 * MS);
    view.get("c")[1] = 400 * MS;
    // d starts at 100 ms and becomes visible at 150 ms
    live.add("d");
    view.put("d", new long[] {150 * MS, Long.MAX_VALUE});
    for (now = 100 * MS; now < 600 * MS; now += 10 * MS) {
      audit.sample(now);
    }

    FaultReport.RegistryLoss before = audit.between(0, 100 * MS);
    FaultReport.RegistryLoss after = audit.between(100 * MS, 600 * MS);
    assertThat(before.lookups()).isEqualTo(10);
    assertThat(before.liveMissing()).isZero();
    assertThat(before.deadReturned()).isZero();
    assertThat(after.lookups()).isEqualTo(50);
    assertThat(after.liveMissing()).as("d missing at 100..140 ms").isEqualTo(5);
    assertThat(after.deadReturned()).as("c returned at 100..390 ms").isEqualTo(30);
    assertThat(after.staleEntries()).isEqualTo(1);
    assertThat(after.maxStaleMillis()).isEqualTo(300);
    assertThat(after.stillStale()).isZero();
  }

  @Test
  void aDeadInstanceReturnedToTheEndIsStillStale() {
    RegistryAudit audit = new RegistryAudit(() -> Set.copyOf(live), this::lookup);
    view.put("x", new long[] {0, Long.MAX_VALUE});
    audit.died("x", 0);
    for (now = 0; now <= 50 * MS; now += 10 * MS) {
      audit.sample(now);
    }
    FaultReport.RegistryLoss loss = audit.between(0, 100 * MS);
    assertThat(loss.stillStale()).isEqualTo(1);
    assertThat(loss.maxStaleMillis()).isEqualTo(50);
  }

  @Test
  void failingLookupsAreCountedNotThrown() {
    RegistryAudit audit = new RegistryAudit(Set::of, () -> {
      throw new IllegalStateException("registry down");
    });
    audit.sample(1);
    assertThat(audit.failedLookups()).isEqualTo(1);
    assertThat(audit.between(0, 10).lookups()).isZero();
  }

  @Test
  void aScopedAuditChecksOneServicePerLookupAndKeepsAnEarlierLifeOfARestartedInstance() {
    // two services, one instance each: svc-a-0 dies at 10 ms, is returned until 40 ms, starts again at 60 ms
    Map<String, Set<String>> alive = new ConcurrentHashMap<>(Map.of("svc-a", Set.of("svc-a-0"), "svc-b",
        Set.of("svc-b-0")));
    RegistryAudit audit = RegistryAudit.scoped(s -> alive.getOrDefault(s, Set.of()), FleetInstances::serviceOf);
    audit.lookedUp(5 * MS, "svc-b", Set.of()); // a live instance missing
    alive.put("svc-a", Set.of());
    audit.died("svc-a-0", 10 * MS);
    assertThat(audit.watchedServices(5, 0)).containsExactly("svc-a");
    audit.lookedUp(20 * MS, "svc-a", Set.of("svc-a-0"));
    audit.lookedUp(40 * MS, "svc-a", Set.of("svc-a-0"));
    audit.lookedUp(50 * MS, "svc-a", Set.of());
    assertThat(audit.watchedServices(5, 0)).as("seen gone: nothing left to look up").isEmpty();
    alive.put("svc-a", Set.of("svc-a-0"));
    audit.started("svc-a-0", 60 * MS);
    assertThat(audit.watchedServices(5, 0)).as("started, not yet seen").containsExactly("svc-a");
    audit.lookedUp(70 * MS, "svc-a", Set.of("svc-a-0"));

    FaultReport.RegistryLoss loss = audit.between(0, 100 * MS);
    assertThat(loss.lookups()).isEqualTo(5);
    assertThat(loss.liveMissing()).isEqualTo(1);
    assertThat(loss.deadReturned()).as("twice while dead, not after the restart").isEqualTo(2);
    assertThat(loss.staleEntries()).isEqualTo(1);
    assertThat(loss.maxStaleMillis()).as("from its death to the first lookup without it").isEqualTo(40);
    assertThat(loss.stillStale()).isZero();
  }
}
