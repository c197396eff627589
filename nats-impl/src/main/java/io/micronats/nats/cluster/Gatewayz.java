package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a server's {@code /gatewayz}: its gateway connections to other clusters of a
 * supercluster, with their counters.
 *
 * <p>Immutable. {@link #json()} keeps the full answer.
 *
 * @param serverId the id of the server that answered
 * @param gatewayName the name of this server's own cluster (its gateway name); empty when the
 *     server has no gateway
 * @param outbound the connections this server opened, one per remote cluster
 * @param inbound the connections remote servers opened to this one
 * @param json the raw JSON answer
 */
public record Gatewayz(String serverId, String gatewayName, List<Gateway> outbound,
    List<Gateway> inbound, String json) {

  public Gatewayz {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(gatewayName, "gatewayName");
    outbound = List.copyOf(outbound);
    inbound = List.copyOf(inbound);
    Objects.requireNonNull(json, "json");
  }

  /**
   * One gateway connection.
   *
   * @param remoteCluster the name of the cluster at the other end
   * @param remoteId the server id at the other end
   * @param counters the server's counters of this connection
   */
  public record Gateway(String remoteCluster, String remoteId, LinkCounters counters) {
    public Gateway {
      Objects.requireNonNull(remoteCluster, "remoteCluster");
      Objects.requireNonNull(remoteId, "remoteId");
      Objects.requireNonNull(counters, "counters");
    }
  }

  /** The clusters this server has an outbound gateway connection to. */
  public Set<String> outboundClusters() {
    Set<String> names = new TreeSet<>();
    for (Gateway g : outbound) {
      names.add(g.remoteCluster());
    }
    return names;
  }

  /**
   * Reads a {@code /gatewayz} answer.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static Gatewayz parse(String json) {
    Map<String, Object> m = Json.parseObject(json);
    return new Gatewayz(Json.text(m, "server_id"), Json.text(m, "name"),
        connections(m.get("outbound_gateways"), false), connections(m.get("inbound_gateways"), true),
        json);
  }

  /** Outbound entries are one object per cluster, inbound entries a list per cluster. */
  @SuppressWarnings("unchecked")
  private static List<Gateway> connections(@Nullable Object byCluster, boolean lists) {
    List<Gateway> out = new ArrayList<>();
    if (!(byCluster instanceof Map<?, ?> map)) {
      return out;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      List<Object> entries = lists && e.getValue() instanceof List<?> l ? (List<Object>) l
          : List.of(e.getValue());
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> g && g.get("connection") instanceof Map<?, ?> c) {
          Map<String, Object> conn = (Map<String, Object>) c;
          out.add(new Gateway(String.valueOf(e.getKey()), Json.text(conn, "name"), LinkCounters.of(conn)));
        }
      }
    }
    return out;
  }
}
