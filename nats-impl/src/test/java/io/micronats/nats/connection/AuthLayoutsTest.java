package io.micronats.nats.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.cluster.AuthLayout;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.cluster.TlsLayout;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each auth and TLS layout of NatsCluster: its client settings work, wrong ones fail clearly. */
class AuthLayoutsTest {

  private static NatsCluster start(AuthLayout auth, TlsLayout tls, int nodes) {
    NatsCluster c = NatsCluster.builder().nodes(nodes).clusterName("auth").auth(auth).tls(tls).build();
    c.start();
    return c;
  }

  /** Connects with the config, checks a round trip, releases. */
  private static void assertWorks(PluginConfig config) throws Exception {
    Connection c = NatsConnections.acquire(NatsSettings.from(config.with("shared", "false")));
    try {
      Subscription sub = c.subscribe("auth.check");
      c.publish("auth.check", "ok".getBytes(StandardCharsets.UTF_8));
      Message m = sub.nextMessage(Duration.ofSeconds(5));
      assertThat(m).isNotNull();
      assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("ok");
    } finally {
      NatsConnections.release(c);
    }
  }

  private static NatsConnectException assertRefused(PluginConfig config) {
    PluginConfig c = config.with("shared", "false").with("connect.timeout", "1s");
    NatsConnectException e = assertThrows(NatsConnectException.class,
        () -> NatsConnections.acquire(NatsSettings.from(c)));
    assertThat(e.getMessage()).contains(config.addresses().get(0));
    return e;
  }

  private static PluginConfig without(PluginConfig config, String... keys) {
    Map<String, String> m = new LinkedHashMap<>(config.settings());
    for (String k : keys) {
      m.remove(k);
    }
    return new PluginConfig(m);
  }

  @Test
  void userPassword() throws Exception {
    try (NatsCluster cluster = start(AuthLayout.userPassword("alice", "right"), TlsLayout.NONE, 1)) {
      assertWorks(cluster.clientConfig());

      NatsConnectException e = assertRefused(cluster.clientConfig().with("password", "wrong"));
      assertThat(e.getMessage()).containsIgnoringCase("authorization");
    }
  }

  @Test
  void token() throws Exception {
    try (NatsCluster cluster = start(AuthLayout.token("t0ken"), TlsLayout.NONE, 1)) {
      assertWorks(cluster.clientConfig());

      NatsConnectException e = assertRefused(cluster.clientConfig().with("token", "nope"));
      assertThat(e.getMessage()).containsIgnoringCase("authorization").doesNotContain("t0ken");
    }
  }

  @Test
  void nkey() throws Exception {
    try (NatsCluster cluster = start(AuthLayout.nkey(), TlsLayout.NONE, 1)) {
      assertWorks(cluster.clientConfig());
      String seed = Files.readString(Path.of(cluster.clientConfig().get("nkey.file").orElseThrow())).trim();
      assertWorks(without(cluster.clientConfig(), "nkey.file").with("nkey.seed", seed));
      Path other = cluster.workDir().resolve("other.nk");
      Files.writeString(other, new String(io.nats.client.NKey.createUser(new java.security.SecureRandom()).getSeed()));

      NatsConnectException e = assertRefused(cluster.clientConfig().with("nkey.file", other.toString()));
      assertThat(e.getMessage()).containsIgnoringCase("authorization");
    }
  }

  @Test
  void credsFileWithOperatorJwts() throws Exception {
    try (NatsCluster cluster = start(AuthLayout.creds(), TlsLayout.NONE, 2)) {
      assertWorks(cluster.clientConfig());

      assertRefused(without(cluster.clientConfig(), "creds"));
    }
  }

  @Test
  void interestWaiterSeesSubscriptionsOfAnAccountAcrossRoutes() throws Exception {
    try (NatsCluster cluster = start(AuthLayout.creds(), TlsLayout.NONE, 2)) {
      PluginConfig onNode0 = cluster.clientConfig().with("addresses", cluster.node(0).clientUrl())
          .with("shared", "false");
      Connection c = NatsConnections.acquire(NatsSettings.from(onNode0));
      try {
        c.subscribe("acct.interest");
        c.flush(Duration.ofSeconds(5));

        cluster.awaitInterest("acct.interest", Duration.ofSeconds(20));

        assertThat(cluster.node(1).routez().routes().get(0).subscriptions())
            .anyMatch(sub -> sub.contains("acct.interest"));
      } finally {
        NatsConnections.release(c);
      }
    }
  }

  @Test
  void tlsWithGeneratedCa() throws Exception {
    try (NatsCluster cluster = start(AuthLayout.none(), TlsLayout.TLS, 1)) {
      assertWorks(cluster.clientConfig());
      assertWorks(without(cluster.clientConfig(), "tls.ca").with("tls.insecure", "true"));

      NatsConnectException e = assertRefused(without(cluster.clientConfig(), "tls.ca"));
      assertThat(e.getMessage()).contains("SSL required");
    }
  }

  @Test
  void mutualTlsNeedsTheClientCertificate() throws Exception {
    try (NatsCluster cluster = start(AuthLayout.userPassword("bob", "pw"), TlsLayout.MUTUAL_TLS, 1)) {
      assertWorks(cluster.clientConfig());

      assertRefused(without(cluster.clientConfig(), "tls.cert", "tls.key"));
    }
  }
}
