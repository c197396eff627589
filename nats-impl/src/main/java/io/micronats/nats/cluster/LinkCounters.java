package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.util.Map;
import java.util.Objects;

/**
 * The server's counters of one link connection (a gateway or a leaf-node connection), as
 * {@code /gatewayz} and {@code /leafz} report them: messages and bytes each way, and the round
 * trip the server last measured.
 *
 * <p>Immutable.
 *
 * @param inMsgs messages the server received over the link
 * @param outMsgs messages the server sent over the link
 * @param inBytes bytes received
 * @param outBytes bytes sent
 * @param rtt the round trip as nats-server prints it, for example {@code 3.3ms}; empty when unknown
 */
public record LinkCounters(long inMsgs, long outMsgs, long inBytes, long outBytes, String rtt) {

  public LinkCounters {
    Objects.requireNonNull(rtt, "rtt");
  }

  static LinkCounters of(Map<String, Object> m) {
    return new LinkCounters(Json.longValue(m, "in_msgs"), Json.longValue(m, "out_msgs"),
        Json.longValue(m, "in_bytes"), Json.longValue(m, "out_bytes"), Json.text(m, "rtt"));
  }
}
