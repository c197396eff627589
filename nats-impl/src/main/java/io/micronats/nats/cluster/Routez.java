package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A snapshot of a server's {@code /routez}: the routes to other cluster members.
 *
 * <p>Immutable. {@link #json()} keeps the full answer.
 *
 * @param serverId the id of the server that answered
 * @param routes one entry per route connection (a peer may briefly appear twice while routes settle)
 * @param json the raw JSON answer
 */
public record Routez(String serverId, List<Route> routes, String json) {

  public Routez {
    Objects.requireNonNull(serverId, "serverId");
    routes = List.copyOf(routes);
    Objects.requireNonNull(json, "json");
  }

  /**
   * One route connection.
   *
   * @param remoteId the server id of the peer
   * @param subscriptions the peer's subscriptions known over this route (only when requested
   *     with {@code subs=1}); entries are a subject, optionally followed by a space and a queue
   *     group
   */
  public record Route(String remoteId, List<String> subscriptions) {
    public Route {
      Objects.requireNonNull(remoteId, "remoteId");
      subscriptions = List.copyOf(subscriptions);
    }
  }

  /** The distinct peers this server has a route to. */
  public Set<String> peerIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Route r : routes) {
      ids.add(r.remoteId());
    }
    return ids;
  }

  /**
   * Reads a {@code /routez} answer.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static Routez parse(String json) {
    Map<String, Object> m = Json.parseObject(json);
    List<Route> routes = new ArrayList<>();
    for (Map<String, Object> r : Json.objects(m, "routes")) {
      routes.add(new Route(Json.text(r, "remote_id"), Json.strings(r, "subscriptions_list")));
    }
    return new Routez(Json.text(m, "server_id"), routes, json);
  }
}
