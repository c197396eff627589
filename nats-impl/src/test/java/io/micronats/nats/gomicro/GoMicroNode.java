package io.micronats.nats.gomicro;

import io.micronats.nats.OneServer;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import java.time.Duration;

/**
 * The go-micro interop tests' server, and the go-micro peer's side: a raw jnats connection that
 * replays the captured Go messages, with no micronats code in between.
 */
public abstract class GoMicroNode extends OneServer {

  /** How long a test waits for something that should happen at once. */
  protected static final Duration WAIT = Duration.ofSeconds(5);

  /** Settings of a micronats plugin in profile go-micro, plus {@code more} key/value pairs. */
  protected static PluginConfig goMicro(String... more) {
    String[] all = new String[4 + more.length];
    all[0] = "addresses";
    all[1] = url();
    all[2] = "profile";
    all[3] = "go-micro";
    System.arraycopy(more, 0, all, 4, more.length);
    return PluginConfig.of(all);
  }

  /** The go-micro peer's raw jnats connection. */
  protected static Connection peer() throws Exception {
    return rawConnection();
  }
}
