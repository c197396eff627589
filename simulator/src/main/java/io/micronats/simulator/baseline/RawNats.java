package io.micronats.simulator.baseline;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;

/**
 * Opens raw jnats connections for the baseline, with jnats' default options (muxed request
 * inbox, flush on request) so the baseline is what a plain jnats user gets. Stateless.
 */
final class RawNats {
  private RawNats() {}

  static Connection connect(String url, String name) throws IOException, InterruptedException {
    Options options = new Options.Builder().server(url).connectionName(name).maxReconnects(-1)
        .connectionTimeout(Duration.ofSeconds(5)).build();
    return Nats.connect(options);
  }

  static void close(Connection c) {
    try {
      c.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
