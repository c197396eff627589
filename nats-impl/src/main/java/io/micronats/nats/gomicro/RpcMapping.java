package io.micronats.nats.gomicro;

import io.micronats.nats.internal.Json;
import io.micronats.spi.Message;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Translates between micronats' RPC headers ({@code Micro-Endpoint}; errors as {@code Micro-Error}
 * text plus {@code Micro-Error-Code}) and go-micro's "mucp" headers ({@code Micro-Endpoint} and
 * {@code Micro-Method}, {@code Content-Type}, {@code Micro-Id}; errors as the go-micro error JSON
 * {@code {"id","code","detail","status"}} in {@code Micro-Error}), at the go-micro transport's
 * boundary, so that {@code RpcClient} and {@code RpcServer} need no change. Messages that are not
 * RPC (no endpoint header on the request) pass unchanged.
 *
 * <p>Stateless and thread-safe.
 */
public final class RpcMapping {

  /** micronats' and go-micro's endpoint header. */
  public static final String ENDPOINT = "Micro-Endpoint";
  /** go-micro's copy of the endpoint. */
  public static final String METHOD = "Micro-Method";
  /** The error header (micronats: text; go-micro: the error JSON or text). */
  public static final String ERROR = "Micro-Error";
  /** micronats' error code header. */
  public static final String ERROR_CODE = "Micro-Error-Code";
  /** go-micro's call id (v2 spelling; v4.10+ writes {@code Micro-ID}). */
  public static final String ID = "Micro-Id";
  /** The codec header; go-micro servers read a missing one as {@code application/protobuf}. */
  public static final String CONTENT_TYPE = "Content-Type";
  /** The content type a micronats request gets when the caller set none. */
  public static final String DEFAULT_CONTENT_TYPE = "application/json";

  private RpcMapping() {}

  /** True for a request of the RPC layer: it names an endpoint, in either dialect. */
  public static boolean isRpcRequest(Message request) {
    return endpointOf(request) != null;
  }

  /**
   * A micronats request as a go-micro client sends it: {@code Micro-Method} copied from the
   * endpoint, {@code Content-Type} ({@value #DEFAULT_CONTENT_TYPE} unless set), {@code Accept}
   * and {@code Micro-Id} ({@code id}) unless set. Not RPC: unchanged.
   */
  public static Message toGoRequest(Message request, long id) {
    String endpoint = request.headers().get(ENDPOINT);
    if (endpoint == null) {
      return request;
    }
    Map<String, String> h = new LinkedHashMap<>(request.headers());
    h.putIfAbsent(METHOD, endpoint);
    String type = h.computeIfAbsent(CONTENT_TYPE, k -> DEFAULT_CONTENT_TYPE);
    h.putIfAbsent("Accept", type);
    h.putIfAbsent(ID, Long.toString(id));
    return new Message(h, request.body());
  }

  /**
   * A go-micro request as micronats' RPC server reads it: {@code Micro-Endpoint} set from
   * {@code Micro-Method} or the {@code X-} variants when missing.
   */
  public static Message fromGoRequest(Message request) {
    String endpoint = endpointOf(request);
    if (endpoint == null || request.headers().containsKey(ENDPOINT)) {
      return request;
    }
    return request.withHeader(ENDPOINT, endpoint);
  }

  /**
   * A micronats reply to {@code request} as a go-micro server sends it. An error
   * ({@code Micro-Error}) becomes go-micro's: the request's headers echoed, {@code Micro-Error}
   * and {@code X-Micro-Error} holding the error JSON (id = the request's {@code Micro-Service}),
   * an empty body. A success gets the request's {@code Content-Type} (when it has a body) and its
   * {@code Micro-Id} and {@code X-Micro-Id}. Not a reply to RPC: unchanged.
   */
  public static Message toGoReply(Message reply, Message request) {
    if (!isRpcRequest(request)) {
      return reply;
    }
    String error = reply.headers().get(ERROR);
    String id = request.headers().get(ID);
    if (error != null) {
      int code = parseCode(reply.headers().get(ERROR_CODE));
      String detail = reply.bodyLength() > 0 ? reply.bodyAsString() : error;
      String json = errorJson(request.headers().getOrDefault("Micro-Service", ""), code, detail);
      Map<String, String> h = new LinkedHashMap<>(request.headers());
      h.put(ERROR, json);
      h.put("X-" + ERROR, json);
      return new Message(h, new byte[0]);
    }
    Map<String, String> h = new LinkedHashMap<>(reply.headers());
    String type = request.headers().get(CONTENT_TYPE);
    if (type != null && reply.bodyLength() > 0) {
      h.putIfAbsent(CONTENT_TYPE, type);
    }
    if (id != null) {
      h.putIfAbsent(ID, id);
      h.putIfAbsent("X-" + ID, id);
    }
    return new Message(h, reply.body());
  }

  /**
   * A go-micro reply as micronats' RPC client reads it: a non-empty {@code Micro-Error} becomes
   * its {@code detail} (or its text, when it is not the error JSON) with the code in
   * {@code Micro-Error-Code} (0 for plain text, as go-micro's {@code errors.Parse}).
   */
  public static Message fromGoReply(Message reply) {
    String error = reply.headers().get(ERROR);
    if (error == null || reply.headers().containsKey(ERROR_CODE)) {
      return reply;
    }
    if (error.isEmpty()) {
      Map<String, String> h = new LinkedHashMap<>(reply.headers());
      h.remove(ERROR); // go-micro reads an empty error as none
      return new Message(h, reply.body());
    }
    GoError parsed = GoError.parse(error);
    Map<String, String> h = new LinkedHashMap<>(reply.headers());
    h.put(ERROR, parsed.detail().isEmpty() ? error : parsed.detail());
    h.put(ERROR_CODE, Integer.toString(parsed.code()));
    return new Message(h, new byte[0]);
  }

  /** go-micro's error JSON, with empty fields and code 0 left out as Go leaves them out. */
  public static String errorJson(String id, int code, String detail) {
    Map<String, Object> e = new LinkedHashMap<>(8);
    if (!id.isEmpty()) {
      e.put("id", id);
    }
    if (code != 0) {
      e.put("code", code);
    }
    if (!detail.isEmpty()) {
      e.put("detail", detail);
    }
    String status = reason(code);
    if (!status.isEmpty()) {
      e.put("status", status);
    }
    return Json.write(e);
  }

  /** A go-micro error as {@code errors.Parse} reads it. */
  public record GoError(String id, int code, String detail, String status) {
    /** The error in {@code text}: its JSON fields, or code 0 with the text as detail. */
    static GoError parse(String text) {
      Object tree;
      try {
        tree = Json.parse(text);
      } catch (Json.JsonException e) {
        return new GoError("", 0, text, "");
      }
      if (!(tree instanceof Map<?, ?> m)) {
        return new GoError("", 0, text, "");
      }
      int code = m.get("code") instanceof BigDecimal n ? n.intValue() : 0;
      return new GoError(str(m.get("id")), code, str(m.get("detail")), str(m.get("status")));
    }

    private static String str(@Nullable Object o) {
      return o instanceof String s ? s : "";
    }
  }

  private static @Nullable String endpointOf(Message m) {
    Map<String, String> h = m.headers();
    for (String name : new String[] {ENDPOINT, METHOD, "X-" + ENDPOINT, "X-" + METHOD}) {
      String v = h.get(name);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static int parseCode(@Nullable String raw) {
    try {
      return raw == null ? 500 : Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      return 500;
    }
  }

  private static String reason(int code) {
    return switch (code) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Request Entity Too Large";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }

}
