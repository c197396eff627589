package io.micronats.nats.registry;

import io.micronats.nats.internal.Json;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * go-micro's registry JSON (see §2.1 of the go-micro notes) to records and back.
 *
 * <p>Stateless and thread-safe. Writing follows Go's {@code encoding/json} for go-micro's structs:
 * lower-case keys inside a service, {@code "Action"}/{@code "Service"} in a query or event, map
 * keys sorted, {@code <}, {@code >} and {@code &} escaped; empty lists are written as {@code []}.
 * Reading is as lenient as Go's: keys match case-insensitively, {@code null} stands for an empty
 * map or list, unknown keys are ignored. Anything else malformed fails with an
 * {@link IllegalArgumentException} naming what.
 */
final class RegistryCodec {

  private RegistryCodec() {}

  /**
   * Valid go-micro JSON holding a value micronats' records refuse (see
   * {@link UnsupportedValueException}); the message names the service and the value.
   */
  static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** A query or event: an action and an optional service. */
  record Result(String action, @Nullable Service service) {}

  static String query(String action, @Nullable String name) {
    Map<String, @Nullable Object> root = new LinkedHashMap<>();
    root.put("Action", action);
    if (name == null) {
      root.put("Service", null);
    } else {
      Map<String, @Nullable Object> service = new LinkedHashMap<>();
      service.put("name", name);
      service.put("version", "");
      service.put("metadata", null);
      service.put("endpoints", null);
      service.put("nodes", null);
      root.put("Service", service);
    }
    return Json.write(root);
  }

  static String event(String action, Service service) {
    Map<String, @Nullable Object> root = new LinkedHashMap<>();
    root.put("Action", action);
    root.put("Service", tree(service));
    return Json.write(root);
  }

  static String service(Service service) {
    return Json.write(tree(service));
  }

  /** Reads a query or event. A query's service may carry only a name. */
  static Result readResult(String json) {
    Map<String, @Nullable Object> root = object(Json.parse(json), "message");
    Object action = get(root, "action");
    if (!(action instanceof String a) || a.isEmpty()) {
      throw new IllegalArgumentException("registry message without an \"Action\" string");
    }
    Object service = get(root, "service");
    return new Result(a, service == null ? null : readService(service));
  }

  /** Reads a service (a query reply). */
  static Service readService(String json) {
    return readService(Json.parse(json));
  }

  /** The name in a query's service, which may be blank for "list". */
  static @Nullable String queryName(String json) {
    Map<String, @Nullable Object> root = object(Json.parse(json), "message");
    Object service = get(root, "service");
    if (service == null) {
      return null;
    }
    Object name = get(object(service, "service"), "name");
    return name instanceof String s ? s : null;
  }

  static Map<String, @Nullable Object> tree(Service s) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("version", s.version());
    m.put("metadata", new TreeMap<>(s.metadata()));
    List<Object> endpoints = new ArrayList<>();
    for (Endpoint e : s.endpoints()) {
      Map<String, @Nullable Object> em = new LinkedHashMap<>();
      em.put("name", e.name());
      em.put("request", e.request() == null ? null : tree(e.request()));
      em.put("response", e.response() == null ? null : tree(e.response()));
      em.put("metadata", new TreeMap<>(e.metadata()));
      endpoints.add(em);
    }
    m.put("endpoints", endpoints);
    List<Object> nodes = new ArrayList<>();
    for (Node n : s.nodes()) {
      Map<String, @Nullable Object> nm = new LinkedHashMap<>();
      nm.put("id", n.id());
      nm.put("address", n.address());
      nm.put("metadata", new TreeMap<>(n.metadata()));
      nodes.add(nm);
    }
    m.put("nodes", nodes);
    return m;
  }

  private static Map<String, @Nullable Object> tree(Value v) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("name", v.name());
    m.put("type", v.type());
    List<Object> values = new ArrayList<>();
    for (Value child : v.values()) {
      values.add(tree(child));
    }
    m.put("values", values);
    return m;
  }

  private static Service readService(@Nullable Object tree) {
    Map<String, @Nullable Object> m = object(tree, "service");
    String name = string(m, "name", "service name");
    if (name.isEmpty()) {
      throw new Refused("a service with an empty name");
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (Object e : list(get(m, "endpoints"), "endpoints")) {
      Map<String, @Nullable Object> em = object(e, "endpoint");
      Object request = get(em, "request");
      Object response = get(em, "response");
      String endpoint = string(em, "name", "endpoint name");
      if (endpoint.isBlank()) {
        throw new Refused("service '" + name + "': an endpoint has an empty name");
      }
      endpoints.add(new Endpoint(endpoint,
          request == null ? null : readValue(request, 0), response == null ? null : readValue(response, 0),
          strings(get(em, "metadata"), "endpoint metadata")));
    }
    List<Node> nodes = new ArrayList<>();
    for (Object n : list(get(m, "nodes"), "nodes")) {
      Map<String, @Nullable Object> nm = object(n, "node");
      String id = string(nm, "id", "node id");
      String address = string(nm, "address", "node address");
      Map<String, String> metadata = strings(get(nm, "metadata"), "node metadata");
      if (id.isBlank()) {
        throw new Refused("service '" + name + "': node at address '" + address + "' has an empty id"
            + " (go-micro allows it; micronats keys nodes by id, so it cannot keep it apart from others)");
      }
      nodes.add(new Node(id, address, metadata));
    }
    String version = string(m, "version", "version");
    Map<String, String> metadata = strings(get(m, "metadata"), "service metadata");
    try {
      return new Service(name, version, metadata, endpoints, nodes);
    } catch (IllegalArgumentException e) {
      throw new Refused("service '" + name + "' refused: " + e.getMessage());
    }
  }

  private static Value readValue(@Nullable Object tree, int depth) {
    if (depth > 32) {
      throw new Refused("an endpoint's value tree is deeper than 32 levels");
    }
    Map<String, @Nullable Object> m = object(tree, "value");
    List<Value> values = new ArrayList<>();
    for (Object child : list(get(m, "values"), "values")) {
      values.add(readValue(child, depth + 1));
    }
    return new Value(string(m, "name", "value name"), string(m, "type", "value type"), values);
  }

  private static @Nullable Object get(Map<String, @Nullable Object> m, String key) {
    if (m.containsKey(key)) {
      return m.get(key);
    }
    for (Map.Entry<String, @Nullable Object> e : m.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> object(@Nullable Object tree, String what) {
    if (tree instanceof Map<?, ?> m) {
      return (Map<String, @Nullable Object>) m;
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }

  @SuppressWarnings("unchecked")
  private static List<@Nullable Object> list(@Nullable Object tree, String what) {
    if (tree == null) {
      return List.of();
    }
    if (tree instanceof List<?> l) {
      return (List<@Nullable Object>) l;
    }
    throw new IllegalArgumentException(what + " is not a JSON array");
  }

  private static String string(Map<String, @Nullable Object> m, String key, String what) {
    Object v = get(m, key);
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(what + " is not a string");
  }

  private static Map<String, String> strings(@Nullable Object tree, String what) {
    if (tree == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    object(tree, what).forEach((k, v) -> {
      if (!(v instanceof String s)) {
        throw new IllegalArgumentException(what + " value of '" + k + "' is not a string");
      }
      out.put(k, s);
    });
    return out;
  }
}
