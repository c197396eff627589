package io.micronats.nats.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the {@code nats-server} executable. Stateless and thread-safe. */
final class ServerBinary {
  /** Environment variable that names the executable explicitly (the jnats-server-runner convention). */
  static final String ENV = "nats_server_path";

  private ServerBinary() {}

  /**
   * The explicit path if given, else {@code $nats_server_path}, else {@code nats-server} on
   * {@code PATH}, else {@code /usr/sbin}, {@code /usr/local/bin} or {@code /usr/bin}.
   *
   * @throws NatsServerException telling how to install nats-server when none is found
   */
  static Path locate(Optional<Path> explicit) {
    if (explicit.isPresent()) {
      Path p = explicit.get();
      if (Files.isExecutable(p)) {
        return p;
      }
      throw new NatsServerException("nats-server executable " + p + " does not exist or is not executable");
    }
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator, -1)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, "nats-server"));
        }
      }
    }
    candidates.add(Path.of("/usr/sbin/nats-server"));
    candidates.add(Path.of("/usr/local/bin/nats-server"));
    candidates.add(Path.of("/usr/bin/nats-server"));
    for (Path c : candidates) {
      if (Files.isRegularFile(c) && Files.isExecutable(c)) {
        return c;
      }
    }
    throw new NatsServerException("nats-server not found on PATH, in $" + ENV
        + " or in /usr/sbin, /usr/local/bin, /usr/bin: install it (Debian/Ubuntu: "
        + "'apt-get install nats-server') or pass NatsCluster.builder().serverBinary(path)");
  }
}
