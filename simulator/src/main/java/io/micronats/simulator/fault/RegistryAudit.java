package io.micronats.simulator.fault;

import io.micronats.simulator.workload.LookupObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks registry lookups against the truth: which instances are alive ({@code live}) and which
 * the registry returns ({@code lookup}). Each {@link #sample(long)} counts live instances missing
 * from the lookup (false negatives) and dead instances still returned (false positives), and for
 * every instance declared dead with {@link #died}, how long it was still returned (staleness).
 * A {@link #scoped} audit is fed instead with the lookups a workload makes anyway, one service at
 * a time ({@link #lookedUp}), and names the services still worth looking up
 * ({@link #watchedServices}); instances that start again ({@link #started}) keep the accounting of
 * their earlier life.
 *
 * <p>Thread-safe: {@link #sample} may run on a sampling thread while the injector reports deaths;
 * the suppliers are called outside the audit's lock.
 */
public final class RegistryAudit implements LookupObserver {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryAudit.class);

  private static final int MAX_SAMPLES = 1_000_000;

  private final Supplier<Set<String>> live;
  private final Supplier<Set<String>> lookup;
  private final @Nullable Function<String, Set<String>> liveOf;
  private final Function<String, String> serviceOf;
  private final Object lock = new Object();
  /** Earlier lives of restarted instances: {died, lastSeenDead or -1, gone or -1}. */
  private final List<long[]> finishedLives = new ArrayList<>();
  /** Instances started and not yet returned by a lookup, with their start time. */
  private final Map<String, Long> notYetSeen = new LinkedHashMap<>();
  private final Map<String, Long> diedAt = new LinkedHashMap<>();
  private final Map<String, Long> goneAt = new HashMap<>();
  private final Map<String, Long> lastSeenDeadAt = new HashMap<>();
  private final List<long[]> samples = new ArrayList<>();
  private long failedLookups;

  /**
   * An audit of {@code lookup} (the node ids a registry lookup returns) against {@code live} (the
   * node ids of instances alive now).
   */
  public RegistryAudit(Supplier<Set<String>> live, Supplier<Set<String>> lookup) {
    this.live = Objects.requireNonNull(live, "live");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.liveOf = null;
    this.serviceOf = id -> "";
  }

  private RegistryAudit(Function<String, Set<String>> liveOf,
      Function<String, String> serviceOf) {
    this.live = Set::of;
    this.lookup = Set::of;
    this.liveOf = liveOf;
    this.serviceOf = serviceOf;
  }

  /**
   * An audit fed by the lookups a workload makes anyway ({@link #lookedUp}), one service at a
   * time: {@code liveOf} gives the ids of a service's instances alive now, {@code serviceOf} the
   * service of an instance id. Both are called often and must be fast.
   */
  public static RegistryAudit scoped(Function<String, Set<String>> liveOf,
      Function<String, String> serviceOf) {
    return new RegistryAudit(Objects.requireNonNull(liveOf, "liveOf"), Objects.requireNonNull(serviceOf, "serviceOf"));
  }

  /** Declares that instance {@code id} died (crashed or stopped) at {@code nanos}. */
  public void died(String id, long nanos) {
    synchronized (lock) {
      diedAt.putIfAbsent(id, nanos);
      notYetSeen.remove(id);
    }
  }

  /**
   * Declares that instance {@code id} started (registered) at {@code nanos}; an earlier death of
   * the same id is closed as a finished life, and the instance is watched until a lookup returns it.
   */
  public void started(String id, long nanos) {
    synchronized (lock) {
      Long died = diedAt.remove(id);
      if (died != null) {
        Long seen = lastSeenDeadAt.remove(id);
        Long gone = goneAt.remove(id);
        finishedLives.add(new long[] {died, seen == null ? -1 : seen, gone == null ? -1 : gone});
      }
      notYetSeen.put(id, nanos);
    }
  }

  /**
   * Accounts for one lookup of {@code service} made at {@code nanos} that returned the instance ids
   * {@code returned}; needs a {@link #scoped} audit.
   */
  @Override
  public void lookedUp(long nanos, String service, Set<String> returned) {
    if (liveOf == null) {
      throw new IllegalStateException("lookedUp needs a scoped audit");
    }
    Set<String> alive = liveOf.apply(service);
    synchronized (lock) {
      returned.forEach(notYetSeen::remove);
      record(nanos, alive, returned);
      for (Map.Entry<String, Long> d : diedAt.entrySet()) {
        if (!returned.contains(d.getKey()) && nanos >= d.getValue() && !goneAt.containsKey(d.getKey())
            && service.equals(serviceOf.apply(d.getKey()))) {
          goneAt.put(d.getKey(), nanos);
        }
      }
    }
  }

  /**
   * Samples one lookup: the live instances it missed and the dead ones it returned (each dead one
   * noted as seen at {@code nanos}). Called under {@link #lock}.
   */
  private void record(long nanos, Set<String> alive, Set<String> returned) {
    long missing = 0;
    for (String id : alive) {
      if (!returned.contains(id) && !diedAt.containsKey(id)) {
        missing++;
      }
    }
    long dead = 0;
    for (String id : returned) {
      if (!alive.contains(id) || diedAt.containsKey(id)) {
        dead++;
        if (diedAt.containsKey(id)) {
          lastSeenDeadAt.put(id, nanos);
        }
      }
    }
    if (samples.size() < MAX_SAMPLES) {
      samples.add(new long[] {nanos, missing, dead});
    }
  }

  /**
   * Services worth looking up again to finish the accounting: those with a dead instance not yet
   * seen gone, or a started one not yet seen; at most {@code max}, starting at {@code offset}
   * (rotate it to visit them all).
   */
  @Override
  public List<String> watchedServices(int max, int offset) {
    List<String> all = new ArrayList<>();
    synchronized (lock) {
      Set<String> seen = new HashSet<>();
      for (String id : diedAt.keySet()) {
        if (!goneAt.containsKey(id) && seen.add(serviceOf.apply(id))) {
          all.add(serviceOf.apply(id));
        }
      }
      for (String id : notYetSeen.keySet()) {
        if (seen.add(serviceOf.apply(id))) {
          all.add(serviceOf.apply(id));
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(max, all.size()); i++) {
      out.add(all.get(Math.floorMod(offset + i, all.size())));
    }
    return out;
  }

  /** Runs one lookup now and accounts for it; a failing lookup is counted and logged. */
  public void sample(long nanos) {
    Set<String> alive;
    Set<String> returned;
    try {
      returned = new HashSet<>(lookup.get());
      alive = new HashSet<>(live.get());
    } catch (RuntimeException e) {
      LOG.debug("registry audit lookup failed: {}", e.toString());
      synchronized (lock) {
        failedLookups++;
      }
      return;
    }
    synchronized (lock) {
      record(nanos, alive, returned);
      for (Map.Entry<String, Long> d : diedAt.entrySet()) {
        if (!returned.contains(d.getKey()) && nanos >= d.getValue()) {
          goneAt.putIfAbsent(d.getKey(), nanos);
        }
      }
    }
  }

  /** Lookups that threw. */
  public long failedLookups() {
    synchronized (lock) {
      return failedLookups;
    }
  }

  /**
   * The window's share: lookups in [from, to) and their false negatives and positives, and the
   * staleness of instances that died in [from, to), measured until {@code endNanos} at most.
   */
  public FaultReport.RegistryLoss between(long fromNanos, long toNanos) {
    synchronized (lock) {
      long lookups = 0;
      long missing = 0;
      long dead = 0;
      for (long[] s : samples) {
        if (s[0] >= fromNanos && s[0] < toNanos) {
          lookups++;
          missing += s[1];
          dead += s[2];
        }
      }
      long stale = 0;
      long maxStale = 0;
      long still = 0;
      List<long[]> lives = new ArrayList<>(finishedLives);
      for (Map.Entry<String, Long> d : diedAt.entrySet()) {
        Long seen = lastSeenDeadAt.get(d.getKey());
        Long gone = goneAt.get(d.getKey());
        lives.add(new long[] {d.getValue(), seen == null ? -1 : seen, gone == null ? -1 : gone, 1});
      }
      for (long[] life : lives) {
        long died = life[0];
        long seen = life[1];
        long gone = life[2];
        if (died < fromNanos || died >= toNanos || seen < died) {
          continue;
        }
        stale++;
        long until = gone > seen ? gone : seen;
        maxStale = Math.max(maxStale, (until - died) / 1_000_000);
        // a finished life (the id started again) is not stale any more
        if (life.length > 3 && gone < seen) {
          still++;
        }
      }
      return new FaultReport.RegistryLoss(lookups, missing, dead, stale, maxStale, still);
    }
  }
}
