package io.micronats.simulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * What {@code --version} prints: the micronats version, the jnats version and the version of the
 * {@code nats-server} the commands would start (or why there is none). Stateless.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"micronats " + projectVersion(), "jnats " + io.nats.client.Nats.CLIENT_VERSION,
        "nats-server " + natsServerVersion(), "java " + System.getProperty("java.version")};
  }

  /** The project version from the filtered {@code version.properties}. */
  static String projectVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** {@code nats-server --version}'s version, bounded to 5 s; the reason when it cannot be run. */
  static String natsServerVersion() {
    String binary = natsServerBinary();
    try {
      Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "(did not answer --version within 5 s)";
      }
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return text.startsWith("nats-server: ") ? text.substring("nats-server: ".length()) : text;
    } catch (IOException e) {
      return "not found (install the nats-server package)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }

  private static String natsServerBinary() {
    String path = System.getenv().getOrDefault("PATH", "");
    List<String> dirs = new java.util.ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
    dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/bin"));
    for (String dir : dirs) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nats-server"))) {
        return Path.of(dir, "nats-server").toString();
      }
    }
    return "nats-server";
  }
}
