package io.micronats.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal W3C WebDriver client for chromedriver over the JDK HttpClient: one chromedriver
 * process (port chosen by chromedriver), one browser session. Test code only; not thread-safe.
 * {@link #close()} ends the session and the process, bounded in time, and is idempotent.
 */
final class WebDriverClient implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("started successfully on port (\\d+)");
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private String session = "";
  private boolean closed;

  private WebDriverClient(Process driver, URI base) {
    this.driver = driver;
    this.base = base;
  }

  /** Starts chromedriver and waits (bounded) until it says which port it listens on. */
  static WebDriverClient start(Path chromedriver) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(chromedriver.toString(), "--port=0").redirectErrorStream(true).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // The process ended; nothing more to read.
      }
    }, "chromedriver-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        Matcher m = PORT.matcher(line);
        if (m.find()) {
          return new WebDriverClient(p, URI.create("http://127.0.0.1:" + m.group(1)));
        }
      } else if (!p.isAlive()) {
        break;
      }
    }
    p.destroyForcibly();
    throw new IOException("chromedriver did not report its port within " + STARTUP + "; output:\n" + seen);
  }

  /** Opens a browser session with these Chromium arguments and browser console logging on. */
  void newSession(Path binary, List<String> args) throws IOException, InterruptedException {
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode always = caps.putObject("capabilities").putObject("alwaysMatch");
    always.put("browserName", "chrome");
    ObjectNode chrome = always.putObject("goog:chromeOptions");
    chrome.put("binary", binary.toString());
    args.forEach(chrome.putArray("args")::add);
    always.putObject("goog:loggingPrefs").put("browser", "ALL");
    JsonNode value = call("POST", "/session", caps);
    session = value.path("sessionId").asText();
    if (session.isEmpty()) {
      throw new IOException("no sessionId in " + value);
    }
  }

  void navigate(String url) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("url", url);
    call("POST", "/session/" + session + "/url", body);
  }

  JsonNode execute(String script) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("script", script);
    body.putArray("args");
    return call("POST", "/session/" + session + "/execute/sync", body);
  }

  /** The browser console entries since the last call, as {level, message} objects. */
  List<JsonNode> browserLog() throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("type", "browser");
    JsonNode value = call("POST", "/session/" + session + "/se/log", body);
    List<JsonNode> out = new ArrayList<>();
    value.forEach(out::add);
    return out;
  }

  /** Sets the session's script, page-load and implicit-wait timeouts, in milliseconds. */
  void timeouts(long scriptMillis, long pageLoadMillis) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("script", scriptMillis).put("pageLoad", pageLoadMillis)
        .put("implicit", 0);
    call("POST", "/session/" + session + "/timeouts", body);
  }

  void windowSize(int width, int height) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode().put("width", width).put("height", height);
    call("POST", "/session/" + session + "/window/rect", body);
  }

  /** A PNG of the current viewport (not the whole page). */
  byte[] screenshot() throws IOException, InterruptedException {
    return Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).asText());
  }

  private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90))
        .header("Content-Type", "application/json; charset=utf-8");
    b = switch (method) {
      case "POST" -> b.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      case "DELETE" -> b.DELETE();
      default -> b.GET();
    };
    HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new IOException(method + " " + path + " -> HTTP " + response.statusCode() + ": " + response.body());
    }
    return json.path("value");
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!session.isEmpty()) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // Best effort; the processes are killed below either way.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    } finally {
      driver.descendants().forEach(ProcessHandle::destroy);
      driver.destroy();
      try {
        if (!driver.waitFor(10, TimeUnit.SECONDS)) {
          driver.descendants().forEach(ProcessHandle::destroyForcibly);
          driver.destroyForcibly();
        }
      } catch (InterruptedException e) {
        driver.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
