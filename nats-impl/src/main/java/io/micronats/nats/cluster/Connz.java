package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a server's {@code /connz}: its client connections.
 *
 * <p>Immutable. {@link #json()} keeps the full answer.
 *
 * @param numConnections the number of client connections at the time of the snapshot
 * @param connections the connections listed in this page of the answer
 * @param json the raw JSON answer
 */
public record Connz(int numConnections, List<Conn> connections, String json) {

  public Connz {
    connections = List.copyOf(connections);
    Objects.requireNonNull(json, "json");
  }

  /**
   * One client connection.
   *
   * @param cid the server-assigned connection id
   * @param name the client's connection name, empty when it gave none
   * @param subscriptions the number of subscriptions of this connection
   * @param subscriptionsList the subjects subscribed (only when requested with {@code subs=1})
   * @param pendingBytes bytes queued in the server for this client
   */
  public record Conn(long cid, String name, int subscriptions, List<String> subscriptionsList,
      long pendingBytes) {
    public Conn {
      Objects.requireNonNull(name, "name");
      subscriptionsList = List.copyOf(subscriptionsList);
    }
  }

  /**
   * Reads a {@code /connz} answer.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static Connz parse(String json) {
    Map<String, Object> m = Json.parseObject(json);
    List<Conn> conns = new ArrayList<>();
    for (Map<String, Object> c : Json.objects(m, "connections")) {
      conns.add(new Conn(Json.longValue(c, "cid"), Json.text(c, "name"),
          (int) Json.longValue(c, "subscriptions"), Json.strings(c, "subscriptions_list"),
          Json.longValue(c, "pending_bytes")));
    }
    return new Connz((int) Json.longValue(m, "num_connections"), conns, json);
  }
}
