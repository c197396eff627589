package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.broker.NatsBroker;
import io.micronats.nats.cluster.AuthLayout;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.transport.NatsTransport;
import io.micronats.spi.Message;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Finding 8: a password inside a URL never reaches an exception, a log line or the console. */
class HostileSecretsTest {

  private static final String SECRET = "S3cr3tInUrl";
  private static final String WRONG = "Wr0ngInUrl";

  @Test
  // The stack traces are printed on purpose: the test captures stdout/stderr and checks that
  // no exception text or frame carries the password.
  @SuppressWarnings("CatchAndPrintStackTrace")
  void passwordsInsideUrlsAreMaskedInExceptionsLogsAndToString() throws Exception {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("secrets")
        .auth(new AuthLayout.UserPassword("svc", SECRET)).build();
    cluster.start();
    try {
      System.setOut(new PrintStream(new Tee(out, seen), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(err, seen), true, StandardCharsets.UTF_8));
      int port = URI.create(cluster.node(0).clientUrl()).getPort();
      PluginConfig good = PluginConfig.of("addresses", "nats://svc:" + SECRET + "@127.0.0.1:" + port);
      PluginConfig bad = PluginConfig.of("addresses", "nats://svc:" + WRONG + "@127.0.0.1:" + port,
          "connect.timeout", "1s", "shared", "false");
      try (NatsTransport t = NatsTransport.builder().config(good).build();
           Listener l = t.serve(m -> m); Socket s = t.dial(l.address())) {
        s.send(Message.of("x"));
        s.receive(Duration.ofSeconds(5));
        System.out.println(t + " " + l + " " + s);
      }
      try (NatsBroker b = NatsBroker.builder().config(good).build()) {
        b.connect();
        System.out.println(b);
      }
      try (NatsTransport t = NatsTransport.builder().config(bad).build()) {
        t.listen(socket -> { });
      } catch (RuntimeException e) {
        e.printStackTrace();
      }
      try (NatsBroker b = NatsBroker.builder().config(bad).build()) {
        b.connect();
      } catch (RuntimeException e) {
        e.printStackTrace();
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      cluster.close();
    }
    String all = seen.toString(StandardCharsets.UTF_8);
    assertThat(all).as("the run printed the (masked) URLs").contains("***@127.0.0.1:");
    assertThat(all).doesNotContain(SECRET).doesNotContain(WRONG);
  }

  /** Copies what is written to both streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
