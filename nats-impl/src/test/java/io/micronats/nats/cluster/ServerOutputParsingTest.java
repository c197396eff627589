package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the cluster reads from nats-server: monitoring answers and ports files. */
class ServerOutputParsingTest {

  @Test
  void parsesRoutezWithSubscriptions() {
    Routez r = Routez.parse("{\"server_id\":\"S1\",\"num_routes\":2,\"routes\":["
        + "{\"remote_id\":\"S2\",\"subscriptions_list\":[\"foo.*\",\"bar q\"]},{\"remote_id\":\"S2\"}]}");

    assertThat(r.serverId()).isEqualTo("S1");
    assertThat(r.peerIds()).containsExactly("S2");
    assertThat(r.routes().get(0).subscriptions()).containsExactly("foo.*", "bar q");
  }

  @Test
  void portsFileNeedsAllThreeListeners() {
    String full = "{\"nats\":[\"nats://127.0.0.1:4222\"],\"cluster\":[\"nats://127.0.0.1:6222\"],"
        + "\"monitoring\":[\"http://127.0.0.1:8222\"]}";

    assertThat(PortsFile.parse(full)).contains(new PortsFile.Ports(4222, 6222, 8222));
    assertThat(PortsFile.parse("{\"nats\":[\"nats://127.0.0.1:4222\"]}")).isEmpty();
  }
}
