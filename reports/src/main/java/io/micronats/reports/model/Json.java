package io.micronats.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration of the model, and the version gate shared by both readers. */
final class Json {
  /** Thread-safe once configured (Jackson's contract). */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
      .build();

  private Json() {}

  /**
   * Parses {@code text}, checks {@code kind} and {@code schemaVersion}, and returns the object with
   * both removed, together with its version.
   */
  static Versioned open(String text, String source, String kind, int newest) throws ResultsFormatException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ResultsFormatException(source, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ResultsFormatException(source, "expected a JSON object at the top level");
    }
    ObjectNode object = (ObjectNode) root;
    JsonNode kindNode = object.get("kind");
    if (kindNode == null || !kindNode.isTextual()) {
      throw new ResultsFormatException(source, "missing \"kind\" (expected \"" + kind + "\")");
    }
    if (!kind.equals(kindNode.asText())) {
      throw new ResultsFormatException(source, "kind is \"" + kindNode.asText() + "\", expected \"" + kind + "\"");
    }
    JsonNode versionNode = object.get("schemaVersion");
    if (versionNode == null || !versionNode.canConvertToExactIntegral() || !versionNode.canConvertToInt()) {
      throw new ResultsFormatException(source, "missing or non-integer \"schemaVersion\"");
    }
    int version = versionNode.asInt();
    if (version < 1) {
      throw new ResultsFormatException(source, "schemaVersion must be >= 1, was " + version);
    }
    if (version > newest) {
      throw new UnsupportedSchemaVersionException(source, kind, version, newest);
    }
    object.remove("kind");
    object.remove("schemaVersion");
    return new Versioned(object, version);
  }

  /** Binds {@code node} to {@code type}, turning binding and validation failures into a named error. */
  static <T> T bind(ObjectNode node, Class<T> type, String source) throws ResultsFormatException {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonMappingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String detail = root instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : root.getMessage();
      throw new ResultsFormatException(source, "invalid field " + path(e) + ": " + detail, e);
    } catch (JsonProcessingException e) {
      throw new ResultsFormatException(source, e.getOriginalMessage(), e);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "(top level)" : sb.toString();
  }

  /** A parsed top-level object without {@code kind}/{@code schemaVersion}, and the version it had. */
  record Versioned(ObjectNode body, int version) {}
}
