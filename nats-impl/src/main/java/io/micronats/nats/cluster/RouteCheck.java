package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The check behind {@link NatsCluster#awaitRoutes(Duration)}: whether the routes between the live
 * (running, unpaused) nodes of a cluster are complete and current.
 *
 * <p>Complete and current means: every live node has exactly one route to the current process of
 * every other live node (matched by the {@code server_id} each node reports about itself, which is
 * new at every start), no route to a process that is gone (beyond one per paused node, whose id is
 * unknown while it answers nothing), and every young route (up for less than {@link #YOUNG_ROUTE})
 * has already carried the client interest its peer had before the check: a restarted node sends
 * and receives every existing subscription right after its routes register, and a route listed in
 * {@code /routez} before that exchange is done would lose messages.
 *
 * <p>Stateless and thread-safe; blocking (a few monitoring requests per node).
 */
final class RouteCheck {
  /** Routes up longer than this are past their initial interest exchange. */
  static final Duration YOUNG_ROUTE = Duration.ofSeconds(3);
  private static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(3);

  private record Route(String remoteId, Duration age, Set<String> subjects) {}

  private record View(String serverId, List<Route> routes) {}

  private RouteCheck() {}

  /** Empty when the routes of the live nodes among {@code all} are complete and current; else why not. */
  static String problem(List<NatsNode> all) {
    List<NatsNode> live = new ArrayList<>();
    int paused = 0;
    for (NatsNode n : all) {
      if (n.isRunning() && !n.isPaused()) {
        live.add(n);
      } else if (n.isRunning()) {
        paused++;
      }
    }
    StringBuilder problem = new StringBuilder();
    // client interest first, routes after: interest a node had before its peers were asked must
    // already have crossed a young route
    Map<NatsNode, Set<String>> interest = new LinkedHashMap<>();
    Map<NatsNode, View> views = new LinkedHashMap<>();
    for (NatsNode n : live) {
      try {
        interest.put(n, clientSubjects(get(n, "/connz?subs=1&limit=100000")));
      } catch (UncheckedIOException | IllegalArgumentException e) {
        problem.append(n.name()).append(" does not answer /connz (").append(e.getMessage()).append("); ");
      }
    }
    for (NatsNode n : live) {
      try {
        views.put(n, view(get(n, "/routez?subs=1")));
      } catch (UncheckedIOException | IllegalArgumentException e) {
        problem.append(n.name()).append(" does not answer /routez (").append(e.getMessage()).append("); ");
      }
    }
    if (problem.length() > 0) {
      return problem.toString();
    }
    Set<String> liveIds = new HashSet<>();
    for (View v : views.values()) {
      liveIds.add(v.serverId());
    }
    for (Map.Entry<NatsNode, View> e : views.entrySet()) {
      NatsNode n = e.getKey();
      List<Route> routes = e.getValue().routes();
      for (Map.Entry<NatsNode, View> other : views.entrySet()) {
        if (other.getKey() != n) {
          checkPair(n, routes, other.getKey(), other.getValue().serverId(),
              interest.getOrDefault(other.getKey(), Set.of()), problem);
        }
      }
      List<String> gone = routes.stream().map(Route::remoteId).filter(id -> !liveIds.contains(id)).toList();
      if (gone.size() > paused) {
        problem.append(n.name()).append(" still has routes to servers that are gone ").append(gone)
            .append("; ");
      }
    }
    return problem.toString();
  }

  private static void checkPair(NatsNode n, List<Route> routes, NatsNode m, String mId,
      Set<String> mInterest, StringBuilder problem) {
    List<Route> toM = routes.stream().filter(r -> r.remoteId().equals(mId)).toList();
    if (toM.isEmpty()) {
      problem.append(n.name()).append(" has no route to ").append(m.name()).append("; ");
      return;
    }
    if (toM.size() > 1) {
      problem.append(n.name()).append(" has ").append(toM.size()).append(" routes to ").append(m.name())
          .append("; ");
      return;
    }
    Route r = toM.get(0);
    if (r.age().compareTo(YOUNG_ROUTE) < 0) {
      List<String> missing = mInterest.stream().filter(s -> !r.subjects().contains(s)).toList();
      if (!missing.isEmpty()) {
        problem.append(n.name()).append(" has not yet received ").append(missing.size()).append(" of ")
            .append(m.name()).append("'s subscriptions over its new route (").append(missing.get(0))
            .append(missing.size() > 1 ? ", ..." : "").append("); ");
      }
    }
  }

  private static String get(NatsNode n, String path) {
    return MonitorClient.get(n.monitorUrl(), path, MONITOR_TIMEOUT);
  }

  /** The distinct subjects the node's clients subscribe to. */
  private static Set<String> clientSubjects(String connzJson) {
    Set<String> subjects = new HashSet<>();
    for (Map<String, Object> c : Json.objects(Json.parseObject(connzJson), "connections")) {
      subjects.addAll(Json.strings(c, "subscriptions_list"));
    }
    return subjects;
  }

  private static View view(String routezJson) {
    Map<String, Object> m = Json.parseObject(routezJson);
    @Nullable Instant now = instant(Json.text(m, "now"));
    List<Route> routes = new ArrayList<>();
    for (Map<String, Object> r : Json.objects(m, "routes")) {
      @Nullable Instant start = instant(Json.text(r, "start"));
      Duration age = now == null || start == null ? Duration.ZERO : Duration.between(start, now);
      routes.add(new Route(Json.text(r, "remote_id"), age, new HashSet<>(Json.strings(r, "subscriptions_list"))));
    }
    String id = Json.text(m, "server_id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("no server_id in /routez");
    }
    return new View(id, routes);
  }

  /** The instant of an RFC 3339 time stamp; null when absent or unreadable (then a route counts as young). */
  private static @Nullable Instant instant(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
