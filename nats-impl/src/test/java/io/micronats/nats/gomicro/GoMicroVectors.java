package io.micronats.nats.gomicro;

import io.micronats.nats.internal.Json;
import io.micronats.nats.internal.JsonLimits;
import io.micronats.spi.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The captured go-micro v2.9.1 wire vectors (copied from the reference captures into
 * {@code src/test/resources/go-micro-vectors/}): each file an ordered list of NATS messages.
 */
public final class GoMicroVectors {

  private GoMicroVectors() {}

  /** One captured NATS message. */
  @SuppressWarnings("ArrayRecordComponent") // read-only test vectors; never compared or hashed
  public record Captured(String subject, @Nullable String reply, byte[] payload, String note) {
    /** The payload as UTF-8 text. */
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The payload decoded as a go-micro envelope. */
    public Message envelope() {
      return Envelope.decode(payload, Envelope.DEFAULT_MAX_BYTES);
    }
  }

  /** The messages of {@code file} (for example {@code broker-publish.json}), in capture order. */
  @SuppressWarnings("unchecked")
  public static List<Captured> load(String file) {
    String text;
    try (InputStream in = Objects.requireNonNull(GoMicroVectors.class.getResourceAsStream("/go-micro-vectors/" + file), file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Captured> out = new ArrayList<>();
    for (Object o : (List<Object>) Objects.requireNonNull(Json.parse(text, new JsonLimits(1 << 22, 16, 64)))) {
      Map<String, Object> m = (Map<String, Object>) o;
      out.add(new Captured((String) m.get("subject"), (String) m.get("reply"),
          Base64.getDecoder().decode((String) m.get("payload_base64")), String.valueOf(m.get("note"))));
    }
    return out;
  }

  /** The envelope of {@code message} as a string-keyed tree, for shape comparisons. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> tree(byte[] payload) {
    return (Map<String, Object>) Objects.requireNonNull(Json.parse(new String(payload, StandardCharsets.UTF_8)));
  }
}
