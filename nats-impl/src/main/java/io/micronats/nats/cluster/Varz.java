package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of a server's {@code /varz}: identity, limits and message counters.
 *
 * <p>Immutable. {@link #json()} keeps the full answer for fields not modelled here.
 *
 * @param serverId the server's unique id
 * @param serverName the configured {@code server_name}
 * @param version the nats-server version, for example {@code 2.9.10}
 * @param port the client port
 * @param maxPayload the largest message payload the server accepts, in bytes
 * @param connections current client connections
 * @param routes current route connections
 * @param inMsgs messages received from clients and routes since start
 * @param outMsgs messages sent to clients and routes since start
 * @param slowConsumers clients the server cut off as slow consumers since start
 * @param json the raw JSON answer
 */
public record Varz(String serverId, String serverName, String version, int port, long maxPayload,
    int connections, int routes, long inMsgs, long outMsgs, long slowConsumers, String json) {

  public Varz {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(json, "json");
  }

  /**
   * Reads a {@code /varz} answer.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static Varz parse(String json) {
    Map<String, Object> m = Json.parseObject(json);
    return new Varz(Json.text(m, "server_id"), Json.text(m, "server_name"),
        Json.text(m, "version"), (int) Json.longValue(m, "port"),
        Json.longValue(m, "max_payload"), (int) Json.longValue(m, "connections"),
        (int) Json.longValue(m, "routes"), Json.longValue(m, "in_msgs"),
        Json.longValue(m, "out_msgs"), Json.longValue(m, "slow_consumers"), json);
  }

  /**
   * The {@code port} inside the object {@code key} of a {@code /varz} answer, for example the
   * gateway port under {@code gateway} or the leaf-node port under {@code leaf}; -1 when absent.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  static int nestedPort(String json, String key) {
    Object inner = Json.parseObject(json).get(key);
    if (inner instanceof Map<?, ?> m && m.get("port") instanceof Number n) {
      return n.intValue();
    }
    return -1;
  }
}
