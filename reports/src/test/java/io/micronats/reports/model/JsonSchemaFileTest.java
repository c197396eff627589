package io.micronats.reports.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronats.reports.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Keeps the JSON Schema file in step with what the writer writes. */
class JsonSchemaFileTest {
  /** Objects whose keys are free names (maps), not schema fields. */
  private static final Set<String> MAPS = Set.of("settings", "extra", "labels", "counts", "rates", "latency", "causes");

  @Test
  void everyFieldTheWriterWritesIsInTheSchema() throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode schema;
    try (InputStream in = ResultsWriter.class.getResourceAsStream("results-v2.schema.json")) {
      assertThat(in).as("results-v2.schema.json on the class path").isNotNull();
      schema = json.readTree(in);
    }
    Set<String> documented = new TreeSet<>();
    collectProperties(schema, documented);
    Set<String> written = new TreeSet<>();
    collectFields(json.readTree(ResultsWriter.toJson(Fixtures.THREE_NODES)), written);
    collectFields(json.readTree(Fixtures.text("golden/results/v1/results.json")), written);
    collectFields(json.readTree(Fixtures.text("golden/results/v1/results-with-faults.json")), written);
    collectFields(json.readTree(ResultsWriter.toJson(Fixtures.result("golden/results/v1/results-with-fault-reasons.json"))),
        written);
    assertThat(written).contains("faults", "injectedAtMillis", "maxStaleMillis", "recoveredUndecided", "causes");
    assertThat(documented).containsAll(written);
    assertThat(schema.path("properties").path("schemaVersion").path("const").asInt())
        .isEqualTo(ResultsWriter.SCHEMA_VERSION);
  }

  private static void collectProperties(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      JsonNode props = node.get("properties");
      if (props != null) {
        props.fieldNames().forEachRemaining(out::add);
      }
      node.elements().forEachRemaining(child -> collectProperties(child, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectProperties(child, out));
    }
  }

  private static void collectFields(JsonNode node, Set<String> out) {
    if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectFields(child, out));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      out.add(field.getKey());
      if (MAPS.contains(field.getKey())) {
        field.getValue().elements().forEachRemaining(value -> collectFields(value, out));
      } else {
        collectFields(field.getValue(), out);
      }
    }
  }
}
