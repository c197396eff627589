package io.micronats.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronats.nats.cluster.proxy.PartitionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code faults:} list of a scenario into a {@link FaultSchedule}; every error is a
 * {@link FaultScheduleException} naming the field's path, {@code faults[i].field} (the scenario
 * parser turns it into its own exception with the same path).
 *
 * <pre>{@code
 * faults:
 *   - name: kill-service-node   # optional
 *     kind: kill                # kill, pause, stop, restart, rolling-restart, lame-duck,
 *                               # kill-instances, registry-churn, link-latency, link-silence,
 *                               # link-cut, partition
 *     node: 1                   # target, one of: node (index from 0, like layout.placement),
 *                               # nodes (a fraction, 1.0 = all), pair: [0, 1], instances (a fraction)
 *     phase: rpc-open-1000      # optional: the phase whose measured start `at` counts from
 *     at: 4s                    # offset from that start
 *     duration: 0s              # how long before it is reverted; 0 = not reverted (kill, stop...)
 *     latency: 50ms             # link-latency only
 *     jitter: 10ms              # link-latency only
 *     links: client             # link faults: client or routes
 *     mode: cut                 # partition: cut or silent
 *     rate: 20                  # registry-churn: instances started and stopped per second
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class FaultScheduleReader {
  private static final Set<String> FIELDS = Set.of("name", "kind", "node", "nodes", "pair", "instances",
      "phase", "at", "duration", "latency", "jitter", "links", "mode", "rate");

  private FaultScheduleReader() {}

  /**
   * The schedule in {@code node} (the value of {@code faults}, absent or null for none).
   *
   * @throws FaultScheduleException naming the field's path and what was wrong
   */
  public static FaultSchedule read(@Nullable JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return FaultSchedule.NONE;
    }
    if (!node.isArray()) {
      throw new FaultScheduleException(path, "must be a list of faults, was " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    List<FaultSpec> specs = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      specs.add(readOne(node.get(i), path + "[" + i + "]"));
    }
    return new FaultSchedule(specs);
  }

  private static FaultSpec readOne(JsonNode f, String path) {
    if (!f.isObject()) {
      throw new FaultScheduleException(path, "must be a mapping with at least kind, a target and at");
    }
    for (Iterator<String> it = f.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (!FIELDS.contains(key)) {
        throw new FaultScheduleException(path + "." + key, "unknown field; known fields are "
            + new TreeSet<>(FIELDS));
      }
    }
    String kindText = text(f, "kind", path, null);
    FaultKind kind;
    try {
      kind = FaultKind.fromScenarioName(kindText);
    } catch (IllegalArgumentException e) {
      throw new FaultScheduleException(path + ".kind", String.valueOf(e.getMessage()));
    }
    FaultTarget target = target(f, path);
    Duration at = duration(f, "at", path, null);
    Duration duration = duration(f, "duration", path, Duration.ZERO);
    Duration latency = duration(f, "latency", path, Duration.ZERO);
    Duration jitter = duration(f, "jitter", path, Duration.ZERO);
    LinkSide links = switch (text(f, "links", path, "client").toLowerCase(Locale.ROOT)) {
      case "client", "clients" -> LinkSide.CLIENT;
      case "routes", "route" -> LinkSide.ROUTES;
      default -> throw new FaultScheduleException(path + ".links", "must be client or routes, was '"
          + f.get("links").asText() + "'");
    };
    PartitionMode mode = switch (text(f, "mode", path, "cut").toLowerCase(Locale.ROOT)) {
      case "cut" -> PartitionMode.CUT;
      case "silent" -> PartitionMode.SILENT;
      default -> throw new FaultScheduleException(path + ".mode", "must be cut or silent, was '"
          + f.get("mode").asText() + "'");
    };
    double rate = number(f, "rate", path, kind == FaultKind.REGISTRY_CHURN ? 10 : 0);
    String name = text(f, "name", path, "");
    String phase = text(f, "phase", path, "");
    try {
      // fields the kind has no use for are ignored; the switch has no default, so a new kind fails here
      return switch (kind) {
        case KILL -> new FaultSpec.Kill(name, target, at, duration, phase);
        case PAUSE -> new FaultSpec.Pause(name, target, at, duration, phase);
        case STOP -> new FaultSpec.Stop(name, target, at, duration, phase);
        case RESTART -> new FaultSpec.Restart(name, target, at, duration, phase);
        case ROLLING_RESTART -> new FaultSpec.RollingRestart(name, target, at, duration, phase);
        case LAME_DUCK -> new FaultSpec.LameDuck(name, target, at, duration, phase);
        case KILL_INSTANCES -> new FaultSpec.KillInstances(name, target, at, duration, phase);
        case REGISTRY_CHURN -> new FaultSpec.RegistryChurn(name, target, at, duration, rate, phase);
        case LINK_LATENCY -> new FaultSpec.LinkLatency(name, target, at, duration, latency, jitter, links, phase);
        case LINK_SILENCE -> new FaultSpec.LinkSilence(name, target, at, duration, links, phase);
        case LINK_CUT -> new FaultSpec.LinkCut(name, target, at, duration, links, phase);
        case PARTITION -> new FaultSpec.Partition(name, target, at, duration, mode, phase);
      };
    } catch (IllegalArgumentException e) {
      // every FaultSpec record names the field first: "duration: ..."
      String msg = String.valueOf(e.getMessage());
      int colon = msg.indexOf(':');
      String field = colon > 0 && FIELDS.contains(msg.substring(0, colon)) ? msg.substring(0, colon)
          : colon > 0 && msg.substring(0, colon).equals("target") ? "kind" : "";
      throw new FaultScheduleException(field.isEmpty() ? path : path + "." + field,
          colon > 0 ? msg.substring(colon + 1).trim() : msg);
    }
  }

  private static FaultTarget target(JsonNode f, String path) {
    List<String> given = new ArrayList<>();
    for (String t : List.of("node", "nodes", "pair", "instances")) {
      if (f.hasNonNull(t)) {
        given.add(t);
      }
    }
    if (given.size() != 1) {
      throw new FaultScheduleException(path, given.isEmpty()
          ? "needs a target: node, nodes, pair or instances"
          : "must have one target, has " + given);
    }
    String t = given.get(0);
    JsonNode v = f.get(t);
    try {
      return switch (t) {
        case "node" -> {
          if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new FaultScheduleException(path + ".node", "must be a node index (0, 1, ...), was " + v);
          }
          yield new FaultTarget.Node(v.intValue());
        }
        case "nodes" -> new FaultTarget.Nodes(fraction(v, path + ".nodes"));
        case "instances" -> new FaultTarget.Instances(fraction(v, path + ".instances"));
        default -> {
          if (!v.isArray() || v.size() != 2 || !v.get(0).isIntegralNumber() || !v.get(1).isIntegralNumber()) {
            throw new FaultScheduleException(path + ".pair", "must be two node indexes, like [0, 1], was " + v);
          }
          yield new FaultTarget.Pair(v.get(0).intValue(), v.get(1).intValue());
        }
      };
    } catch (FaultScheduleException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new FaultScheduleException(path + "." + t, String.valueOf(e.getMessage()));
    }
  }

  private static double fraction(JsonNode v, String path) {
    if (!v.isNumber()) {
      throw new FaultScheduleException(path, "must be a fraction in (0, 1], was " + v);
    }
    return v.doubleValue();
  }

  private static String text(JsonNode f, String key, String path, @Nullable String fallback) {
    JsonNode v = f.get(key);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new FaultScheduleException(path + "." + key, "is required");
      }
      return fallback;
    }
    if (!v.isValueNode()) {
      throw new FaultScheduleException(path + "." + key, "must be text, was " + v);
    }
    return v.asText();
  }

  private static double number(JsonNode f, String key, String path, double fallback) {
    JsonNode v = f.get(key);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isNumber()) {
      throw new FaultScheduleException(path + "." + key, "must be a number, was " + v);
    }
    return v.doubleValue();
  }

  private static Duration duration(JsonNode f, String key, String path, @Nullable Duration fallback) {
    JsonNode v = f.get(key);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new FaultScheduleException(path + "." + key, "is required (a duration like 5s or 500ms)");
      }
      return fallback;
    }
    try {
      return parseDuration(v.asText());
    } catch (IllegalArgumentException e) {
      throw new FaultScheduleException(path + "." + key, "must be a duration like 5s or 500ms, was '" + v.asText() + "'");
    }
  }

  /** 500us, 250ms, 5s, 2m, 1h, or 0. */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    String[] units = {"us", "ms", "s", "m", "h"};
    long[] nanos = {1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};
    for (int i = 0; i < units.length; i++) {
      if (t.endsWith(units[i])) {
        double amount = Double.parseDouble(t.substring(0, t.length() - units[i].length()).trim());
        if (amount < 0 || Double.isInfinite(amount) || Double.isNaN(amount)) {
          break;
        }
        return Duration.ofNanos(Math.round(amount * nanos[i]));
      }
    }
    throw new IllegalArgumentException("not a duration: " + text);
  }
}
