package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.cluster.AuthLayout;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Finding 5, the part permissions can protect: a client-role user (query and call only) cannot
 * announce or delete services on the watch subject, nor answer queries; legitimate lookups work.
 */
// -Xlint:try: jnats' Connection.close() declares InterruptedException; a test method throws it.
@SuppressWarnings("try")
class HostilePermissionsTest {

  @Test
  void aClientRoleCannotFakeNodesDeregisterOthersOrAnswerQueries() throws Exception {
    NatsRegistry probe = NatsRegistry.builder().build();
    String query = probe.querySubject();
    String watch = probe.watchSubject();
    AuthLayout layout = AuthLayout.users(List.of(
        new AuthLayout.User("svc", "svc-pw", List.of(watch, "_INBOX.>"), List.of(query, watch, "_INBOX.>"), true),
        new AuthLayout.User("cli", "cli-pw", List.of(query, "_INBOX.>"), List.of(watch, "_INBOX.>"), false)));
    NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("perms").auth(layout).build();
    cluster.start();
    try {
      PluginConfig service = PluginConfig.of("addresses", cluster.node(0).clientUrl(), "user", "svc", "password", "svc-pw");
      PluginConfig client = PluginConfig.of("addresses", cluster.node(0).clientUrl(), "user", "cli", "password", "cli-pw");
      List<String> refused = new CopyOnWriteArrayList<>();
      try (NatsRegistry owner = NatsRegistry.builder().config(service).build().startQuietly();
           NatsRegistry asking = NatsRegistry.builder().config(client).build().startQuietly();
           Connection attacker = Nats.connect(new Options.Builder().server(cluster.node(0).clientUrl())
               .userInfo("cli".toCharArray(), "cli-pw".toCharArray()).errorListener(new ErrorListener() {
                 @Override
                 public void errorOccurred(Connection conn, String error) {
                   refused.add(error);
                 }
               }).build())) {
        owner.register(Service.of("perm.svc", "1.0", Node.of("real-1", "inbox.real-1")));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
            .until(() -> asking.getService("perm.svc").get(0).nodes().size() == 1);
        // The attacks: answering queries, a fake node, a delete of the owner's service.
        attacker.subscribe(query);
        attacker.publish(watch, ("{\"action\":\"create\",\"service\":{\"name\":\"perm.svc\",\"version\":\"1.0\","
            + "\"nodes\":[{\"id\":\"fake-1\",\"address\":\"inbox.fake\"}]}}").getBytes(StandardCharsets.UTF_8));
        attacker.publish(watch, ("{\"action\":\"delete\",\"service\":{\"name\":\"perm.svc\",\"version\":\"1.0\","
            + "\"nodes\":[{\"id\":\"real-1\",\"address\":\"inbox.real-1\"}]}}").getBytes(StandardCharsets.UTF_8));
        attacker.flush(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> refused.size() >= 3);
        assertThat(refused).allMatch(e -> e.contains("Permissions Violation"));
        for (int i = 0; i < 10; i++) {
          assertThat(asking.getService("perm.svc").get(0).nodes()).extracting(Node::id).containsExactly("real-1");
        }
      }
    } finally {
      cluster.close();
    }
  }
}
