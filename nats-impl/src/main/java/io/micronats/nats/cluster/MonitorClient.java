package io.micronats.nats.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches monitoring endpoints ({@code /varz}, {@code /routez}, ...) over plain HTTP with bounded
 * connect and read timeouts. Stateless and thread-safe; starts no threads.
 */
final class MonitorClient {
  private MonitorClient() {}

  /**
   * GETs {@code monitorUrl + path}.
   *
   * @throws UncheckedIOException naming the URL when the server does not answer 200 in time
   */
  static String get(String monitorUrl, String path, Duration timeout) {
    String url = monitorUrl + path;
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
      int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      c.setConnectTimeout(millis);
      c.setReadTimeout(millis);
      try {
        int code = c.getResponseCode();
        if (code != 200) {
          throw new IOException("HTTP " + code);
        }
        try (InputStream in = c.getInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("monitoring request " + url + " failed: " + e.getMessage(), e);
    }
  }
}
