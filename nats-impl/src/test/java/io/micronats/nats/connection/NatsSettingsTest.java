package io.micronats.nats.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.spi.plugin.PluginConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NatsSettingsTest {

  @Test
  void defaultsAreLocalhostSharedNoAuthUnlimitedReconnect() {
    NatsSettings s = NatsSettings.defaults();

    assertThat(s.addresses()).containsExactly("nats://127.0.0.1:4222");
    assertThat(s.auth()).isInstanceOf(NatsAuth.None.class);
    assertThat(s.tls().configured()).isFalse();
    assertThat(s.shared()).isTrue();
    assertThat(s.maxReconnects()).isEqualTo(-1);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void commaSeparatedAddressesAndAllKeysAreRead() {
    NatsSettings s = NatsSettings.from(PluginConfig.of(
        "addresses", "nats://127.0.0.1:1, nats://127.0.0.1:2", "user", "u", "password", "p",
        "tls.ca", "/tmp/ca.pem", "name", "svc", "shared", "false", "timeout", "2s",
        "reconnect.wait", "250ms", "reconnect.max", "7", "ping.interval", "3s"));

    assertThat(s.addresses()).containsExactly("nats://127.0.0.1:1", "nats://127.0.0.1:2");
    assertThat(s.auth()).isEqualTo(new NatsAuth.UserPassword("u", "p"));
    assertThat(s.tls().ca()).contains(Path.of("/tmp/ca.pem"));
    assertThat(s.name()).isEqualTo("svc");
    assertThat(s.shared()).isFalse();
    assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.reconnectWait()).isEqualTo(Duration.ofMillis(250));
    assertThat(s.maxReconnects()).isEqualTo(7);
    assertThat(s.pingInterval()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void environmentVariablesAreReadAndExplicitKeysWin() {
    Map<String, String> env = Map.of("MICRO_BROKER_ADDRESS", "nats://10.0.0.1:4222,nats://10.0.0.2:4222",
        "MICRO_BROKER_TOKEN", "s3cret", "MICRO_BROKER_NAME", "from-env", "MICRO_TRANSPORT_ADDRESS",
        "nats://other:1");

    NatsSettings s = NatsSettings.from(PluginConfig.of("name", "explicit"), "broker", env);

    assertThat(s.addresses()).containsExactly("nats://10.0.0.1:4222", "nats://10.0.0.2:4222");
    assertThat(s.auth()).isEqualTo(new NatsAuth.Token("s3cret"));
    assertThat(s.name()).isEqualTo("explicit");
  }

  @Test
  void twoAuthModesAreRejectedNamingTheKeys() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NatsSettings.from(PluginConfig.of("token", "t", "creds", "/x.creds")));

    assertThat(e.getMessage()).contains("token").contains("creds");
  }

  @Test
  void passwordWithoutUserIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NatsSettings.from(PluginConfig.of("password", "p")));

    assertThat(e.getMessage()).contains("'password' needs 'user'");
  }

  @Test
  void badAddressIsRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NatsSettings.from(PluginConfig.of("addresses", "nats://ok:1,http://bad:2")));

    assertThat(e.getMessage()).contains("http://bad:2").contains("addresses");
  }

  @Test
  void certWithoutKeyIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NatsSettings.from(PluginConfig.of("tls.cert", "/c.pem")));

    assertThat(e.getMessage()).contains("tls.cert").contains("tls.key");
  }

  @Test
  void badDurationIsRejectedNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NatsSettings.from(PluginConfig.of("reconnect.wait", "soon")));

    assertThat(e.getMessage()).contains("reconnect.wait");
  }

  @Test
  void toStringHidesSecrets() {
    NatsSettings s = NatsSettings.from(PluginConfig.of("addresses", "nats://bob:pw1@127.0.0.1:1",
        "user", "alice", "password", "pw2"));
    NatsSettings t = NatsSettings.from(PluginConfig.of("token", "tok3"));

    assertThat(s.toString()).doesNotContain("pw1").doesNotContain("pw2").contains("alice");
    assertThat(t.toString()).doesNotContain("tok3");
  }

  @Test
  void equalConfigsGiveEqualSettings() {
    PluginConfig c = PluginConfig.of("addresses", "nats://127.0.0.1:1", "token", "t");

    assertThat(NatsSettings.from(c)).isEqualTo(NatsSettings.from(c));
    assertThat(NatsSettings.from(c).withAddresses(List.of("nats://127.0.0.1:2")))
        .isNotEqualTo(NatsSettings.from(c));
  }
}
