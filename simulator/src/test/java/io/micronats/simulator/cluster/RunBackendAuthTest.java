package io.micronats.simulator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.simulator.scenario.Layout;
import io.micronats.simulator.scenario.Security;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15 finding 9: a local backend enforces the declared authentication. */
class RunBackendAuthTest {

  // "try": jnats' Connection.close() throws InterruptedException; the test declares Exception anyway.
  @SuppressWarnings("try")
  @Test
  void aLocalBackendDeclaringUserPasswordRefusesOtherPasswordsAndAcceptsTheDeclaredOne() throws Exception {
    Security security = new Security(Security.Auth.USER_PASSWORD, Security.Tls.NONE,
        Map.of("user", "sim", "password", "declared-pw"));
    Layout layout = new Layout(1, Layout.Backend.LOCAL, List.of(), List.of(0), List.of(0), security);
    try (RunBackend backend = RunBackend.start(layout, List.of())) {
      String url = backend.clientUrls().get(0);
      assertThrows(Exception.class, () -> Nats.connect(new Options.Builder().server(url)
          .userInfo("sim".toCharArray(), "any-other".toCharArray()).connectionTimeout(Duration.ofSeconds(2))
          .maxReconnects(0).build()).close());
      try (Connection ok = Nats.connect(new Options.Builder().server(url)
          .userInfo("sim".toCharArray(), "declared-pw".toCharArray()).connectionTimeout(Duration.ofSeconds(2)).build())) {
        assertThat(ok.getStatus()).isEqualTo(Connection.Status.CONNECTED);
      }
    }
  }
}
