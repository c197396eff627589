package io.micronats.nats.cluster;

import io.micronats.nats.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ports file nats-server writes into its {@code ports_file_dir} once it listens
 * ({@code nats-server_<pid>.ports}): where it is, and the client, route and monitoring ports it
 * names. This is how a {@link NatsNode} learns the ports nats-server chose, so none is guessed.
 *
 * <p>Stateless and thread-safe.
 */
final class PortsFile {

  /** The listeners of one nats-server process. */
  record Ports(int client, int cluster, int monitor) {}

  private PortsFile() {}

  /** The file a process with {@code pid} writes into {@code dir}. */
  static Path of(Path dir, long pid) {
    return dir.resolve("nats-server_" + pid + ".ports");
  }

  /** Deletes every file in {@code dir}, so that a new start cannot read an old file. */
  static void clear(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  /**
   * The three ports in a ports file's text; empty while a listener is missing from it.
   *
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  static Optional<Ports> parse(String json) {
    Map<String, Object> m = Json.parseObject(json);
    int client = port(m, "nats");
    int cluster = port(m, "cluster");
    int monitor = port(m, "monitoring");
    if (client <= 0 || cluster <= 0 || monitor <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Ports(client, cluster, monitor));
  }

  /** The port of the first URL under {@code key}, as in {@code nats://127.0.0.1:4222}; -1 when none. */
  private static int port(Map<String, Object> m, String key) {
    List<Object> urls = Json.list(m, key);
    if (urls.isEmpty()) {
      return -1;
    }
    String url = urls.get(0).toString();
    int colon = url.lastIndexOf(':');
    try {
      return Integer.parseInt(url.substring(colon + 1).replaceAll("[^0-9]", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
