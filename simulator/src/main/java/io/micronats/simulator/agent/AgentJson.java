package io.micronats.simulator.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies of the agent protocol.
 *
 * <p>Thread-safe: the mapper is configured once and only read.
 */
final class AgentJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private AgentJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** Decodes; a bad body is an IllegalArgumentException naming the type and the text. */
  static <T> T read(byte[] body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      String text = new String(body, StandardCharsets.UTF_8);
      throw new IllegalArgumentException("not a " + type.getSimpleName() + ": "
          + (text.length() > 200 ? text.substring(0, 200) + "..." : text) + " (" + e.getMessage() + ")", e);
    }
  }
}
