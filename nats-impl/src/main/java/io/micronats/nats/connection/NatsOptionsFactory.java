package io.micronats.nats.connection;

import io.micronats.nats.internal.GuardedDataPort;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns {@link NatsSettings} into jnats {@link Options}: servers, auth, TLS, name, reconnect and
 * ping policy, and the event listeners. Reads the files the settings name. Stateless and
 * thread-safe.
 */
final class NatsOptionsFactory {
  private static final java.time.Duration PUSH_TIMEOUT_FLOOR = java.time.Duration.ofSeconds(2);

  private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();

  private NatsOptionsFactory() {}

  /**
   * The jnats options for {@code s}, reporting events to {@code recorder}.
   *
   * @throws IllegalArgumentException naming the setting when a file is missing or invalid
   */
  static Options create(NatsSettings s, EventRecorder recorder) {
    Options.Builder b = new Options.Builder()
        .servers(s.addresses().toArray(new String[0]))
        .connectionName(s.name())
        .connectionTimeout(s.connectTimeout())
        .maxReconnects(s.maxReconnects())
        .reconnectWait(s.reconnectWait())
        .pingInterval(s.pingInterval())
        // How long a publish may wait for jnats' outgoing-queue lock (default 2 s): with many
        // threads publishing on one shared connection of a busy 2-core machine, 2 s was too short
        // and publishes failed with "Output queue is busy"; the operation timeout applies instead.
        .writeQueuePushTimeout(s.timeout().compareTo(PUSH_TIMEOUT_FLOOR) < 0 ? PUSH_TIMEOUT_FLOOR : s.timeout())
        // A malformed header block from anyone on a subscribed subject would stop jnats' reader.
        .dataPortType(GuardedDataPort.class.getName())
        // jnats' defaults are Executors' unnamed pool-N-thread-M threads: name them after the connection.
        .connectThreadFactory(named("nats-connect-" + s.name()))
        // Listener callbacks stay on jnats' default executor: with a callbackThreadFactory or our own
        // callbackExecutor, a refused connect lost the server's reason ("SSL required"; AuthLayoutsTest).
        .connectionListener(recorder)
        .errorListener(recorder);
    NatsAuth auth = s.auth();
    if (auth instanceof NatsAuth.UserPassword up) {
      b.userInfo(up.user().toCharArray(), up.password().toCharArray());
    } else if (auth instanceof NatsAuth.Token t) {
      b.token(t.token().toCharArray());
    } else if (auth instanceof NatsAuth.NKeySeed seed) {
      b.authHandler(Nats.staticCredentials(null, seed.seed().toCharArray()));
    } else if (auth instanceof NatsAuth.NKeyFile file) {
      b.authHandler(Nats.staticCredentials(null, readSeed(file.file())));
    } else if (auth instanceof NatsAuth.CredsFile creds) {
      requireReadable(creds.file(), NatsSettings.CREDS);
      b.authHandler(Nats.credentials(creds.file().toString()));
    }
    if (s.tls().configured()) {
      s.tls().ca().ifPresent(p -> requireReadable(p, NatsSettings.TLS_CA));
      s.tls().cert().ifPresent(p -> requireReadable(p, NatsSettings.TLS_CERT));
      s.tls().key().ifPresent(p -> requireReadable(p, NatsSettings.TLS_KEY));
      b.sslContext(PemSslContexts.create(s.tls()));
    }
    return b.build();
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    return task -> {
      Thread t = new Thread(task, prefix + "-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static char[] readSeed(Path file) {
    requireReadable(file, NatsSettings.NKEY_FILE);
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
        String t = line.trim();
        if (t.startsWith("SU")) {
          return t.toCharArray();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("setting '" + NatsSettings.NKEY_FILE + "': cannot read " + file
          + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("setting '" + NatsSettings.NKEY_FILE + "': " + file
        + " has no user seed (a line starting with 'SU')");
  }

  private static void requireReadable(Path file, String key) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("setting '" + key + "': file " + file
          + " does not exist or is not readable");
    }
  }
}
