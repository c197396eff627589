package io.micronats.nats;

import io.micronats.nats.cluster.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real nats-server for all tests of a class, and a raw jnats connection to it with no
 * micronats code in between (the stranger of the hostile tests, the go-micro peer of the interop tests).
 */
public abstract class OneServer {

  protected static NatsCluster cluster;

  @BeforeAll
  static void startServer() {
    cluster = NatsCluster.builder().nodes(1).build();
    cluster.start();
  }

  @AfterAll
  static void stopServer() {
    cluster.close();
  }

  /** The server's client URL. */
  protected static String url() {
    return cluster.node(0).clientUrl();
  }

  /** A raw jnats connection to the server; the caller closes it. */
  protected static Connection rawConnection() throws Exception {
    return Nats.connect(new Options.Builder().server(url()).connectionTimeout(Duration.ofSeconds(5)).build());
  }
}
