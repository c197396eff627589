package io.micronats.nats.registry;

import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The answers to one broadcast query, and the rule for when to stop waiting for more (the rule is
 * described in {@link LookupStrategy#EARLY_COMPLETION} and {@code docs/discovery.md}).
 *
 * <p>Thread-safe: replies come from the registry's dispatcher thread, one caller waits.
 */
final class QueryCollector {

  /** How a query ended. */
  enum Outcome {
    /** Every instance known to serve the name delivered every reply it announced. */
    COMPLETE,
    /**
     * The whole window was waited because a go-micro answerer (which cannot announce its
     * replies) was expected or answered, or nothing answered: as complete as go-micro's own lookup.
     */
    WINDOW,
    /** The window ran out while a known micronats instance had not delivered all its replies. */
    INCOMPLETE
  }

  /** The replies one micronats instance announced ({@code Mn-Part: i/n}) and those received. */
  private static final class Progress {
    int announced = -1;
    final BitSet got = new BitSet();

    boolean complete() {
      return announced >= 0 && got.cardinality() >= announced;
    }
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<RemoteView.Part> parts = new ArrayList<>();
  private final List<String> refusals = new ArrayList<>();
  private final Map<String, Progress> answerers = new HashMap<>();
  private final Set<String> expected;
  private final String self;
  private final boolean list;
  private final boolean answeredLocally;
  private final BooleanSupplier believedGone;
  private final long start;
  /** The least wait after the last answer when the expected set grew from answers: 1 ms. */
  static final long MIN_GAP_NANOS = 1_000_000L;
  private boolean learnt;
  /** Whether every micronats answer so far named the same instances (its {@code Mn-Serving}). */
  private boolean agreed = true;
  private @Nullable Set<String> firstServing;
  /** A reply without {@code Mn-Instance} (a go-micro process) or an expected go-micro node. */
  private boolean goInvolved;
  /** A micronats answer that could not name every instance serving the name (too many). */
  private boolean membershipUnknown;
  private long firstReply;
  private long lastReply;

  /**
   * @param expected the instances believed (from watch events) to serve the name; answers may add
   *     more ({@link #onReply}); go-micro nodes are keyed {@link RemoteView#GO_PREFIX}...
   * @param self this registry's instance id, never expected to answer over NATS
   * @param list whether this is a "list" query (no answer names the instances serving a name)
   * @param answeredLocally whether this instance serves the name itself (an answer at time 0)
   * @param believedGone whether the watch stream saw the name's last node go (asked again while
   *     no answer came, since the event may arrive after the query left): then no answer at all
   *     also ends the query after the quiet period instead of the whole window; must not block
   *     nor call back into this collector
   */
  QueryCollector(Set<String> expected, String self, boolean list, boolean answeredLocally, BooleanSupplier believedGone) {
    this.expected = new HashSet<>(expected);
    this.expected.remove(self);
    this.self = self;
    this.list = list;
    this.answeredLocally = answeredLocally;
    this.believedGone = answeredLocally ? () -> false : believedGone;
    this.start = System.nanoTime();
    for (String e : this.expected) {
      if (e.startsWith(RemoteView.GO_PREFIX)) {
        goInvolved = true;
      }
    }
    if (answeredLocally) {
      firstReply = start;
      lastReply = start;
    }
  }

  /**
   * One answer.
   *
   * @param instance the answerer's {@code Mn-Instance}, {@code null} for a go-micro process
   * @param serving the instances the answerer knows to serve the name (itself included), which
   *     this query then waits for as well; {@code null} when the answer did not say
   * @param part this reply's index (from 0) among {@code parts} replies the answerer sends for
   *     this query; {@code parts < 0} when the answer did not say
   */
  void onReply(Service service, @Nullable String instance, long ttlMillis, @Nullable Set<String> serving,
      int part, int parts) {
    lock.lock();
    try {
      long now = System.nanoTime();
      if (firstReply == 0) {
        firstReply = now;
      }
      lastReply = now;
      this.parts.add(new RemoteView.Part(service, instance, ttlMillis));
      if (instance == null) {
        goInvolved = true;
      } else {
        Progress p = answerers.computeIfAbsent(instance, k -> new Progress());
        if (parts < 0 || part < 0 || part >= parts) {
          goInvolved = true; // a micronats answer that does not announce its replies: wait as for Go
        } else {
          p.announced = parts;
          p.got.set(part);
        }
        if (serving == null) {
          membershipUnknown |= !list;
        } else {
          if (firstServing == null) {
            firstServing = serving;
          } else if (!firstServing.equals(serving)) {
            agreed = false;
          }
          for (String s : serving) {
            if (!s.equals(self) && expected.add(s)) {
              learnt = true;
              goInvolved |= s.startsWith(RemoteView.GO_PREFIX);
            }
          }
        }
      }
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * An answer holding a value micronats refuses; {@code instance} is its {@code Mn-Instance}
   * ({@code null} for go-micro). It counts as received (a micronats answerer cannot send one, so
   * this is in practice go-micro's, which waits the window anyway).
   */
  void onRefused(String why, @Nullable String instance) {
    lock.lock();
    try {
      refusals.add(why);
      if (instance == null) {
        goInvolved = true;
      }
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /** The refusals so far (see {@link #onRefused}). */
  List<String> refusals() {
    lock.lock();
    try {
      return List.copyOf(refusals);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for answers: the whole {@code window} when {@code fixed}, otherwise until the answer is
   * known complete (see {@link LookupStrategy#EARLY_COMPLETION}).
   */
  Outcome await(long windowNanos, boolean fixed, long quietMinNanos) throws InterruptedException {
    long deadline = start + windowNanos;
    lock.lockInterruptibly();
    try {
      while (true) {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
          if (allKnownComplete()) {
            return Outcome.WINDOW;
          }
          // A known micronats instance has not delivered all its replies: on a loaded host they
          // are usually late, not lost, so wait for them up to one more window (a crashed instance
          // without a delete then costs two windows until its TTL or a delete removes it).
          if (!fixed && now - (start + 2 * windowNanos) < 0) {
            changed.await(Math.max(1, start + 2 * windowNanos - now), TimeUnit.NANOSECONDS);
            continue;
          }
          return Outcome.INCOMPLETE;
        }
        long wakeAt = deadline;
        if (!fixed && !goInvolved && !membershipUnknown) {
          boolean anyRemote = !expected.isEmpty() || !answerers.isEmpty();
          if (anyRemote && allKnownComplete() && !(list && expected.isEmpty())) {
            // Two or more answerers named the same instances, exactly the ones that answered: they
            // agree on who serves the name (co-servers introduce themselves, see Inbound.onWatch),
            // so we know as much as a watch history would tell. One answer alone is not agreement.
            boolean unanimous = agreed && answerers.size() >= 2 && firstServing != null
                && firstServing.containsAll(answerers.keySet())
                && answerers.keySet().containsAll(withoutSelf(firstServing));
            if ((!learnt || unanimous) && !list) {
              return Outcome.COMPLETE; // every instance our own watch stream knows delivered all
            }
            // Answers named instances we did not know of (or this is a list): their knowledge may be a little behind ours, so wait as long again as
            // the first answer took (at least 1 ms, at most the quiet period) after the last one.
            long gapEnd = lastReply + Math.min(quietMinNanos, Math.max(MIN_GAP_NANOS, firstReply - start));
            if (now - gapEnd >= 0) {
              return Outcome.COMPLETE;
            }
            wakeAt = Math.min(deadline, gapEnd);
          } else if (!anyRemote && answeredLocally && !list) {
            // Only this instance is known to serve the name: a quiet period lets an answerer we
            // never heard of name itself.
            long quietEnd = start + quietMinNanos;
            if (now - quietEnd >= 0) {
              return Outcome.COMPLETE;
            }
            wakeAt = Math.min(deadline, quietEnd);
          } else if (firstReply == 0) {
            // No answer yet: look again every quiet period whether the name is believed gone.
            long quietEnd = start + quietMinNanos;
            if (now - quietEnd >= 0 && believedGone.getAsBoolean()) {
              return Outcome.COMPLETE;
            }
            wakeAt = Math.min(deadline, now - quietEnd >= 0 ? now + quietMinNanos : quietEnd);
          }
          // Otherwise a known instance has not delivered all its replies: wait for it, up to the window.
        }
        changed.await(Math.max(1, wakeAt - now), TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  private Set<String> withoutSelf(Set<String> ids) {
    Set<String> out = new HashSet<>(ids);
    out.remove(self);
    return out;
  }

  /** Whether every micronats instance expected or answering delivered all its announced replies. */
  private boolean allKnownComplete() {
    for (String e : expected) {
      if (e.startsWith(RemoteView.GO_PREFIX)) {
        continue; // go-micro nodes cannot announce their replies: the window is their rule
      }
      Progress p = answerers.get(e);
      if (p == null || !p.complete()) {
        return false;
      }
    }
    for (Progress p : answerers.values()) {
      if (!p.complete() && p.announced >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The answers so far. */
  List<RemoteView.Part> parts() {
    lock.lock();
    try {
      return List.copyOf(parts);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Merges services per (name, version), de-duplicating nodes by id (the later answer wins); nodes
   * with an empty id (go-micro allows them) are told apart by address as well.
   */
  static List<Service> merge(List<Service> services) {
    Map<String, Service> templates = new LinkedHashMap<>();
    Map<String, LinkedHashMap<String, Node>> nodes = new LinkedHashMap<>();
    for (Service s : services) {
      String key = s.name() + "\u0000" + s.version();
      templates.put(key, s);
      LinkedHashMap<String, Node> byId = nodes.computeIfAbsent(key, k -> new LinkedHashMap<>());
      for (Node n : s.nodes()) {
        byId.put(RemoteView.nodeKey(n), n);
      }
    }
    List<Service> out = new ArrayList<>(templates.size());
    templates.forEach((key, s) -> out.add(s.withNodes(List.copyOf(Objects.requireNonNull(nodes.get(key)).values()))));
    return out;
  }
}
