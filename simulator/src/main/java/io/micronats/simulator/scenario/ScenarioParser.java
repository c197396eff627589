package io.micronats.simulator.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a scenario from YAML, fills in defaults and validates every field before anything
 * starts. Stateless and thread-safe.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioParser.parse(Path.of("scenarios/rpc-knee.yaml"));
 * }</pre>
 *
 * <p>Every problem is a {@link ScenarioException} whose message starts with the dotted path of
 * the field ({@code fleet.services: must be >= 1, was 0}); unknown fields are rejected the same
 * way, so a typo never silently falls back to a default. The fields are documented in
 * {@code simulator/SCENARIOS.md}.
 */
public final class ScenarioParser {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final int MAX_SERVICES = 100_000;

  private ScenarioParser() {}

  /** Parses a scenario file; the default name is the file name without {@code .yaml}. */
  public static Scenario parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage(), e);
    }
    String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return parse(text, name);
  }

  /** Parses scenario text; {@code defaultName} is used when the text has no {@code name}. */
  public static Scenario parse(String yaml, String defaultName) {
    JsonNode root;
    try {
      root = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new ScenarioException("not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = YAML.createObjectNode();
    }
    if (!root.isObject()) {
      throw new ScenarioException("", "a scenario must be a mapping of fields, was " + Section.describe(root));
    }
    return read(new Section((ObjectNode) root, ""), defaultName);
  }

  /** The scenario with every default: the demo. */
  public static Scenario defaults() {
    return parse("", "demo");
  }

  private static Scenario read(Section top, String defaultName) {
    String name = top.string("name", defaultName);
    if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
      throw top.error("name", "must be letters, digits, '.', '_' or '-', was '" + name + "'");
    }
    String description = top.string("description", "");
    long seed = top.longValue("seed", 1L);
    String implementation = top.string("implementation", "nats");
    if (implementation.isBlank()) {
      throw top.error("implementation", "must name a plugin (nats, memory, or a ServiceLoader name)");
    }
    Layout layout = readLayout(top.section("layout"));
    Fleet fleet = readFleet(top.section("fleet"));
    RegistrySettings registry = readRegistry(top.section("registry"));
    Phases phases = readPhases(top.section("phases"), Phases.DEFAULTS);
    Workloads workloads = readWorkloads(top.section("workloads"), phases, fleet);
    Map<String, String> plugin = top.stringMap("plugin");
    FaultSchedule faults = readFaults(top, layout);
    top.finish();
    if (!implementation.equals("memory") && layout.backend() == Layout.Backend.EXTERNAL && layout.urls().isEmpty()) {
      throw top.error("layout.urls", "must list the cluster's client URLs when layout.backend is external");
    }
    Map<String, Object> raw = new LinkedHashMap<>(top.resolved());
    return Scenario.builder().name(name).description(description).seed(seed).implementation(implementation)
        .layout(layout).fleet(fleet).registry(registry).workloads(workloads).pluginSettings(plugin).raw(raw)
        .faults(faults).build();
  }

  /** The {@code faults:} list, checked against the layout; errors name {@code faults[i].field}. */
  private static FaultSchedule readFaults(Section top, Layout layout) {
    FaultSchedule faults;
    try {
      faults = FaultScheduleReader.read(top.rawValue("faults"), top.pathOf("faults"));
    } catch (FaultScheduleException e) {
      throw new ScenarioException(e.path(), e.problem());
    }
    int localNodes = layout.backend() == Layout.Backend.LOCAL ? layout.nodes() : 0;
    for (String problem : faults.problems(localNodes, layout.linkProxies(), true)) {
      int colon = problem.indexOf(": ");
      throw new ScenarioException(problem.substring(0, colon), problem.substring(colon + 2));
    }
    top.resolved().put("faults", faults.faults().stream().map(FaultSpec::describe).toList());
    return faults;
  }

  private static Layout readLayout(Section s) {
    Layout.Backend backend = s.enumValue("backend", Layout.Backend.class, Layout.Backend.LOCAL);
    List<String> urls = s.stringList("urls", List.of());
    int defaultNodes = backend == Layout.Backend.EXTERNAL && !urls.isEmpty() ? urls.size() : 3;
    int nodes = s.integer("nodes", defaultNodes, 1, 16);
    if (backend == Layout.Backend.EXTERNAL && !urls.isEmpty() && nodes != urls.size()) {
      throw s.error("nodes", "must equal the number of layout.urls (" + urls.size() + ") for an external backend, was " + nodes);
    }
    for (int i = 0; i < urls.size(); i++) {
      if (!urls.get(i).matches("(nats|tls|ws|wss)://\\S+")) {
        throw new ScenarioException(s.pathOf("urls") + "[" + i + "]", "must be a URL like nats://host:4222, was '" + urls.get(i) + "'");
      }
    }
    Section placement = s.section("placement");
    List<Integer> clients = placement.intList("clients", List.of(0), 0);
    List<Integer> services = placement.intList("services", defaultServiceNodes(nodes), 0);
    checkNodes(placement, "clients", clients, nodes);
    checkNodes(placement, "services", services, nodes);
    placement.finish();
    Section sec = s.section("security");
    Security.Auth auth = sec.enumValue("auth", Security.Auth.class, Security.Auth.NONE);
    Security.Tls tls = sec.enumValue("tls", Security.Tls.class, Security.Tls.NONE);
    Map<String, String> settings = sec.stringMap("settings");
    sec.finish();
    boolean linkProxies = s.bool("linkProxies", false);
    if (linkProxies && backend != Layout.Backend.LOCAL) {
      throw s.error("linkProxies", "needs backend local: proxies sit in front of local nats-server ports");
    }
    s.finish();
    return new Layout(nodes, backend, urls, clients, services, new Security(auth, tls, settings), linkProxies);
  }

  private static List<Integer> defaultServiceNodes(int nodes) {
    if (nodes == 1) {
      return List.of(0);
    }
    List<Integer> result = new ArrayList<>();
    for (int i = 1; i < nodes; i++) {
      result.add(i);
    }
    return result;
  }

  private static void checkNodes(Section s, String key, List<Integer> indexes, int nodes) {
    if (indexes.isEmpty()) {
      throw s.error(key, "must list at least one node index");
    }
    for (int i = 0; i < indexes.size(); i++) {
      if (indexes.get(i) >= nodes) {
        throw new ScenarioException(s.pathOf(key) + "[" + i + "]",
            "must be a node index below layout.nodes (" + nodes + "), was " + indexes.get(i));
      }
    }
  }

  private static Fleet readFleet(Section s) {
    int services = s.integer("services", 1000, 1, MAX_SERVICES);
    int instances = s.integer("instancesPerService", 1, 1, 100);
    int endpoints = s.integer("endpointsPerService", 2, 1, 100);
    LatencyDistribution latency = readLatency(s.section("handlerLatency"));
    int request = s.integer("requestBytes", 128, 0, 8 * 1024 * 1024);
    int response = s.integer("responseBytes", 128, 0, 8 * 1024 * 1024);
    int perConnection = s.integer("servicesPerConnection", 100, 1, MAX_SERVICES);
    int topics = s.integer("topicsPerService", 1, 0, 100);
    double queueShare = s.number("queueGroupShare", 0.5, 0.0, 1.0);
    int versions = s.integer("versionsPerService", 1, 1, 100);
    int nodes = s.integer("nodesPerInstance", 1, 1, 100);
    s.finish();
    return Fleet.builder().services(services).instancesPerService(instances).endpointsPerService(endpoints)
        .handlerLatency(latency).requestBytes(request).responseBytes(response).servicesPerConnection(perConnection)
        .topicsPerService(topics).queueGroupShare(queueShare).versionsPerService(versions).nodesPerInstance(nodes)
        .build();
  }

  private static LatencyDistribution readLatency(Section s) {
    LatencyDistribution.Kind kind = s.enumValue("distribution", LatencyDistribution.Kind.class, LatencyDistribution.Kind.NONE);
    Duration mean = s.duration("mean", Duration.ZERO, Duration.ZERO);
    Duration min = s.duration("min", Duration.ZERO, Duration.ZERO);
    Duration max = s.duration("max", kind == LatencyDistribution.Kind.UNIFORM ? min : Duration.ZERO, Duration.ZERO);
    if (kind == LatencyDistribution.Kind.UNIFORM && max.compareTo(min) < 0) {
      throw s.error("max", "must be >= min (" + Section.format(min) + "), was " + Section.format(max));
    }
    if ((kind == LatencyDistribution.Kind.CONSTANT || kind == LatencyDistribution.Kind.EXPONENTIAL) && mean.isZero()) {
      throw s.error("mean", "must be > 0 for distribution " + Section.yamlName(kind));
    }
    s.finish();
    return new LatencyDistribution(kind, mean, min, max);
  }

  private static RegistrySettings readRegistry(Section s) {
    LookupStrategy strategy = s.enumValue("strategy", LookupStrategy.class, LookupStrategy.EARLY_COMPLETION);
    Duration window = s.duration("window", Duration.ofMillis(100), Duration.ofMillis(1));
    Duration ttl = s.duration("ttl", Duration.ofSeconds(90), Duration.ofSeconds(1));
    s.finish();
    return new RegistrySettings(strategy, window, ttl);
  }

  private static Phases readPhases(Section s, Phases fallback) {
    Duration warmup = s.duration("warmup", fallback.warmup(), Duration.ZERO);
    Duration measured = s.duration("measured", fallback.measured(), Duration.ofMillis(100));
    Duration cooldown = s.duration("cooldown", fallback.cooldown(), Duration.ZERO);
    s.finish();
    return new Phases(warmup, measured, cooldown);
  }

  private static Workloads readWorkloads(Section s, Phases phases, Fleet fleet) {
    DiscoverySpec discovery = readDiscovery(s.section("discovery"), phases);
    RpcSpec rpc = readRpc(s.section("rpc"), phases);
    BrokerSpec broker = readBroker(s.section("broker"), phases);
    BaselineSpec baseline = readBaseline(s.section("baseline"), rpc, fleet);
    s.finish();
    return new Workloads(discovery, rpc, broker, baseline);
  }

  private static DiscoverySpec readDiscovery(Section s, Phases phases) {
    boolean enabled = s.bool("enabled", true);
    double rate = s.number("rate", 50, 0.1, 100_000);
    List<LookupStrategy> strategies = s.enumList("strategies", LookupStrategy.class, List.of(LookupStrategy.values()));
    if (strategies.isEmpty()) {
      throw s.error("strategies", "must list at least one strategy");
    }
    List<Integer> sweep = s.intList("sweep", List.of(), 1);
    int probes = s.integer("churnProbes", 20, 0, 10_000);
    Phases own = readPhases(s.section("phases"), phases);
    s.finish();
    return DiscoverySpec.builder().enabled(enabled).rate(rate).strategies(strategies).sweep(sweep).churnProbes(probes)
        .phases(own).build();
  }

  private static RpcSpec readRpc(Section s, Phases phases) {
    boolean enabled = s.bool("enabled", true);
    RpcSpec.Mode mode = s.enumValue("mode", RpcSpec.Mode.class, RpcSpec.Mode.OPEN);
    double rate = s.number("rate", 1000, 0.1, 10_000_000);
    List<Double> sweep = s.numberList("sweep", List.of(), 0.1);
    int clients = s.integer("clients", 64, 1, 100_000);
    int inFlight = s.integer("maxInFlight", 64, 1, 10_000);
    Duration timeout = s.duration("timeout", Duration.ofSeconds(2), Duration.ofMillis(1));
    Phases own = readPhases(s.section("phases"), phases);
    s.finish();
    return RpcSpec.builder().enabled(enabled).mode(mode).rate(rate).sweep(sweep).clients(clients).maxInFlight(inFlight)
        .timeout(timeout).phases(own).build();
  }

  private static BrokerSpec readBroker(Section s, Phases phases) {
    boolean enabled = s.bool("enabled", true);
    int publishers = s.integer("publishers", 2, 1, 1000);
    double rate = s.number("ratePerPublisher", 1000, 0.1, 10_000_000);
    int subscribers = s.integer("subscribers", 2, 0, 1000);
    int queue = s.integer("queueGroupMembers", 2, 0, 1000);
    if (subscribers == 0 && queue == 0) {
      throw s.error("subscribers", "must be >= 1 when queueGroupMembers is 0 (nobody would receive)");
    }
    int payload = s.integer("payloadBytes", 128, 24, 8 * 1024 * 1024);
    Phases own = readPhases(s.section("phases"), phases);
    s.finish();
    return BrokerSpec.builder().enabled(enabled).publishers(publishers).ratePerPublisher(rate).subscribers(subscribers)
        .queueGroupMembers(queue).payloadBytes(payload).phases(own).build();
  }

  private static BaselineSpec readBaseline(Section s, RpcSpec rpc, Fleet fleet) {
    boolean enabled = s.bool("enabled", true);
    int inFlight = s.integer("inFlight", rpc.maxInFlight(), 1, 10_000);
    int payload = s.integer("payloadBytes", fleet.requestBytes(), 24, 8 * 1024 * 1024);
    Duration duration = s.duration("duration", Duration.ofSeconds(5), Duration.ofMillis(100));
    int repetitions = s.integer("repetitions", 1, 1, 100);
    s.finish();
    return new BaselineSpec(enabled, inFlight, payload, duration, repetitions);
  }
}
