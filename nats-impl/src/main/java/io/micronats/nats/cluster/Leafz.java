package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a server's {@code /leafz?subs=1}: its leaf-node connections (on a hub, the leaf
 * nodes attached to it; on a leaf node, its connection to the hub), with their counters.
 *
 * <p>Immutable. {@link #json()} keeps the full answer.
 *
 * @param serverId the id of the server that answered
 * @param leafs one entry per leaf-node connection
 * @param json the raw JSON answer
 */
public record Leafz(String serverId, List<Leaf> leafs, String json) {

  public Leafz {
    Objects.requireNonNull(serverId, "serverId");
    leafs = List.copyOf(leafs);
    Objects.requireNonNull(json, "json");
  }

  /**
   * One leaf-node connection.
   *
   * @param account the account the connection is bound to on this server
   * @param remotePort the TCP port of the other end (a link proxy's when the link is proxied)
   * @param counters the server's counters of this connection
   * @param subscriptions the interest the other end sent over this connection
   */
  public record Leaf(String account, int remotePort, LinkCounters counters, List<String> subscriptions) {
    public Leaf {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(counters, "counters");
      subscriptions = List.copyOf(subscriptions);
    }
  }

  /**
   * Reads a {@code /leafz} answer.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static Leafz parse(String json) {
    Map<String, Object> m = Json.parseObject(json);
    List<Leaf> leafs = new ArrayList<>();
    for (Map<String, Object> l : Json.objects(m, "leafs")) {
      leafs.add(new Leaf(Json.text(l, "account"), (int) Json.longValue(l, "port"), LinkCounters.of(l),
          Json.strings(l, "subscriptions_list")));
    }
    return new Leafz(Json.text(m, "server_id"), leafs, json);
  }
}
