package io.micronats.nats.hostile;

import io.micronats.nats.OneServer;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;

/** The hostile tests' server: a plugin's settings, and a stranger on the same account. */
abstract class OneNode extends OneServer {

  protected static PluginConfig settings() {
    return PluginConfig.of("addresses", url());
  }

  /** A stranger's raw jnats connection to the same server. */
  protected static Connection stranger() throws Exception {
    return rawConnection();
  }
}
