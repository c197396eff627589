package io.micronats.simulator.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code /varz} from every server's monitoring port, and turns a before/after pair into
 * the counters a phase reports ({@code server.inMsgs}, {@code server.slowConsumers}, ...).
 *
 * <p>Thread-safe. Each request is bounded by a 2 s timeout; a server that does not answer gives
 * an {@link ServerSnapshot#unavailable} snapshot, never an exception.
 */
public final class ServerMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(ServerMonitor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<String> monitorUrls;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** A monitor of the given base URLs ({@code http://127.0.0.1:8222}). */
  public ServerMonitor(List<String> monitorUrls) {
    this.monitorUrls = List.copyOf(monitorUrls);
  }

  /** The monitored base URLs. */
  public List<String> monitorUrls() {
    return monitorUrls;
  }

  /** Snapshots of every server, in order. */
  public List<ServerSnapshot> snapshot() {
    List<ServerSnapshot> result = new ArrayList<>();
    for (String url : monitorUrls) {
      result.add(varz(url));
    }
    return result;
  }

  private ServerSnapshot varz(String base) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/varz")).timeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return ServerSnapshot.unavailable(base);
      }
      JsonNode v = JSON.readTree(response.body());
      return ServerSnapshot.builder().monitorUrl(base).available(true).cpuPercent(v.path("cpu").asDouble())
          .memBytes(v.path("mem").asLong()).connections(v.path("connections").asLong()).routes(v.path("routes").asLong())
          .inMsgs(v.path("in_msgs").asLong()).outMsgs(v.path("out_msgs").asLong())
          .slowConsumers(v.path("slow_consumers").asLong()).build();
    } catch (IOException | IllegalArgumentException e) {
      LOG.debug("cannot read {}/varz: {}", base, e.toString());
      return ServerSnapshot.unavailable(base);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ServerSnapshot.unavailable(base);
    }
  }

  /**
   * Counters from a before/after pair: message deltas and new slow consumers summed over the
   * servers, connections and routes after, and the servers' CPU after (percent, summed).
   */
  public static Map<String, Double> delta(List<ServerSnapshot> before, List<ServerSnapshot> after) {
    Map<String, Double> out = new LinkedHashMap<>();
    double inMsgs = 0;
    double outMsgs = 0;
    double slow = 0;
    double conns = 0;
    double routes = 0;
    double cpu = 0;
    double mem = 0;
    int unavailable = 0;
    for (int i = 0; i < after.size(); i++) {
      ServerSnapshot a = after.get(i);
      ServerSnapshot b = i < before.size() ? before.get(i) : ServerSnapshot.unavailable(a.monitorUrl());
      if (!a.available() || !b.available()) {
        unavailable++;
        continue;
      }
      inMsgs += a.inMsgs() - b.inMsgs();
      outMsgs += a.outMsgs() - b.outMsgs();
      slow += a.slowConsumers() - b.slowConsumers();
      conns += a.connections();
      routes += a.routes();
      cpu += a.cpuPercent();
      mem += a.memBytes();
    }
    out.put("server.inMsgs", inMsgs);
    out.put("server.outMsgs", outMsgs);
    out.put("server.slowConsumers", slow);
    out.put("server.connections", conns);
    out.put("server.routes", routes);
    out.put("server.cpuPercent", cpu);
    out.put("server.memBytes", mem);
    out.put("server.unavailable", (double) unavailable);
    return out;
  }
}
