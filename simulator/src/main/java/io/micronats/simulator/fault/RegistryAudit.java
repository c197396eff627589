package io.micronats.simulator.fault;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks registry lookups against the truth: which instances are alive ({@code live}) and which
 * the registry returns ({@code lookup}). Each {@link #sample(long)} counts live instances missing
 * from the lookup (false negatives) and dead instances still returned (false positives), and for
 * every instance declared dead with {@link #died}, how long it was still returned (staleness).
 *
 * <p>Thread-safe: {@link #sample} may run on a sampling thread while the injector reports deaths;
 * the suppliers are called outside the audit's lock.
 */
public final class RegistryAudit {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryAudit.class);

  private final Supplier<Set<String>> live;
  private final Supplier<Set<String>> lookup;
  private final Object lock = new Object();
  private final Map<String, Long> diedAt = new LinkedHashMap<>();
  private final Map<String, Long> goneAt = new HashMap<>();
  private final Map<String, Long> lastSeenDeadAt = new HashMap<>();
  private final java.util.List<long[]> samples = new java.util.ArrayList<>();
  private long failedLookups;

  /**
   * An audit of {@code lookup} (the node ids a registry lookup returns) against {@code live} (the
   * node ids of instances alive now).
   */
  public RegistryAudit(Supplier<Set<String>> live, Supplier<Set<String>> lookup) {
    this.live = Objects.requireNonNull(live, "live");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  /** Declares that instance {@code id} died (crashed or stopped) at {@code nanos}. */
  public void died(String id, long nanos) {
    synchronized (lock) {
      diedAt.putIfAbsent(id, nanos);
    }
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
      for (Map.Entry<String, Long> d : diedAt.entrySet()) {
        if (!returned.contains(d.getKey()) && nanos >= d.getValue()) {
          goneAt.putIfAbsent(d.getKey(), nanos);
        }
      }
      samples.add(new long[] {nanos, missing, dead});
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
      for (Map.Entry<String, Long> d : diedAt.entrySet()) {
        long died = d.getValue();
        if (died < fromNanos || died >= toNanos) {
          continue;
        }
        Long seen = lastSeenDeadAt.get(d.getKey());
        if (seen != null && seen >= died) {
          stale++;
          Long gone = goneAt.get(d.getKey());
          long until = gone != null && gone > seen ? gone : seen;
          maxStale = Math.max(maxStale, (until - died) / 1_000_000);
          if (gone == null || gone < seen) {
            still++;
          }
        }
      }
      return new FaultReport.RegistryLoss(lookups, missing, dead, stale, maxStale, still);
    }
  }
}
