package io.micronats.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClusterUpCommandTest {
  @TempDir Path dir;

  // "try": jnats' Connection.close() throws InterruptedException; the test declares Exception anyway.
  @SuppressWarnings("try")
  @Test
  void writesTheReadyFileOnceFormedServesClientsAndStopsAfterMaxTime() throws Exception {
    StringWriter out = new StringWriter();
    Path ready = dir.resolve("ready.txt");
    CommandLine cmd = Main.commandLine().setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cmd.execute("cluster", "up", "--nodes", "2",
        "--max-time", "8s", "--stdin", "ignore", "--ready-file", ready.toString()));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(ready) && System.nanoTime() < deadline && !exit.isDone()) {
      Thread.sleep(50);
    }
    assertThat(ready).exists();
    String urls = Files.readString(ready).trim();
    assertThat(urls.split(",", -1)).hasSize(2).allMatch(u -> u.startsWith("nats://127.0.0.1:"));
    try (Connection c = Nats.connect(urls.split(",", -1)[1])) {
      assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
    }
    assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("node 0  client nats://127.0.0.1:").contains("monitor http://127.0.0.1:")
        .contains("stopping the cluster");
    assertThat(ready).doesNotExist();
  }
}
