package io.micronats.tck.rules;

import io.micronats.tck.Capability;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of every TCK rule: the one place where IDs, levels, capabilities, statements and
 * troubleshooting texts live.
 *
 * <p>Read once from the resource {@value #RESOURCE}; immutable and thread-safe afterwards. The
 * resource is a sequence of blocks:
 *
 * <pre>
 * [BRK-007]
 * level: REQUIRED
 * capability: -
 * statement: Subscribers sharing a queue group receive each message exactly once across the group.
 * troubleshooting: Check that publish picks one member per queue group ...
 * </pre>
 *
 * <p>An optional {@code retired: reason} line keeps a withdrawn rule's ID reserved. A rule that
 * samples has a {@code detection:} line: its families, {@code trials=N} (default mode),
 * {@code thorough=M} (thorough mode) and the probability of seeing a rare defect.
 */
public final class RuleCatalogue {

  /** The class-path resource holding the catalogue. */
  public static final String RESOURCE = "io/micronats/tck/rules/catalogue.txt";

  private static volatile @Nullable RuleCatalogue standard;

  private final Map<String, Rule> byId;

  private RuleCatalogue(Map<String, Rule> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** The catalogue shipped in this TCK jar. */
  public static RuleCatalogue standard() {
    RuleCatalogue c = standard;
    if (c == null) {
      synchronized (RuleCatalogue.class) {
        c = standard;
        if (c == null) {
          try (InputStream in = RuleCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("TCK rule catalogue " + RESOURCE + " is missing from the class path");
            }
            c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
          }
          standard = c;
        }
      }
    }
    return c;
  }

  /**
   * Parses catalogue text.
   *
   * @throws IllegalArgumentException naming the line when the text is malformed or an ID repeats
   */
  public static RuleCatalogue parse(String text) {
    Map<String, Rule> rules = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    String id = null;
    int lineNo = 0;
    try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
          if (id != null) {
            add(rules, id, fields);
          }
          id = trimmed.substring(1, trimmed.length() - 1);
          fields.clear();
          continue;
        }
        int colon = trimmed.indexOf(':');
        if (id == null || colon <= 0) {
          throw new IllegalArgumentException("catalogue line " + lineNo + " is neither [ID] nor key: value: " + trimmed);
        }
        fields.put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (id != null) {
      add(rules, id, fields);
    }
    return new RuleCatalogue(rules);
  }

  private static void add(Map<String, Rule> rules, String id, Map<String, String> fields) {
    if (rules.containsKey(id)) {
      throw new IllegalArgumentException("rule ID " + id + " appears twice in the catalogue");
    }
    String capability = fields.getOrDefault("capability", "-");
    Rule rule = new Rule(
        id,
        Level.valueOf(require(id, fields, "level")),
        capability.equals("-") ? null : Capability.valueOf(capability),
        require(id, fields, "statement"),
        require(id, fields, "troubleshooting"),
        fields.containsKey("retired"),
        fields.getOrDefault("detection", ""));
    rules.put(id, rule);
  }

  private static String require(String id, Map<String, String> fields, String key) {
    String value = fields.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("rule " + id + " has no '" + key + "'");
    }
    return value;
  }

  /** Every rule that is run (not retired), in catalogue order. */
  public List<Rule> rules() {
    List<Rule> active = new ArrayList<>();
    byId.values().forEach(r -> {
      if (!r.retired()) {
        active.add(r);
      }
    });
    return active;
  }

  /** Every rule, retired ones included, in catalogue order. */
  public List<Rule> allRules() {
    return List.copyOf(byId.values());
  }

  /** The rule with this ID, if catalogued. */
  public Optional<Rule> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The rule with this ID.
   *
   * @throws IllegalArgumentException when no rule has it
   */
  public Rule rule(String id) {
    Rule rule = byId.get(id);
    if (rule == null) {
      throw new IllegalArgumentException("no TCK rule " + id + " in " + RESOURCE);
    }
    return rule;
  }
}
