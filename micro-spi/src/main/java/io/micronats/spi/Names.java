package io.micronats.spi;

/**
 * Validation of the names that cross the API edge: service names, topics and addresses.
 *
 * <p>Every implementation calls these before doing anything, so that a bad name gets the same
 * {@link IllegalArgumentException}, naming the value and what is wrong with it, whichever plugin
 * is in use. A name is a non-empty sequence of dot-separated tokens; no token is empty, and no
 * character is whitespace or a control character. Wildcards ({@code *} and {@code >}) are
 * rejected where they would change meaning: in service names, addresses and publish topics.
 * Subscription topics may use them as whole tokens, as NATS subjects do.
 *
 * <p>Stateless and thread-safe.
 */
public final class Names {

  private Names() {}

  /** Checks a service name, such as {@code go.micro.srv.greeter}; returns it. */
  public static String requireServiceName(String name) {
    return requireLiteral("service name", name);
  }

  /** Checks a transport address; returns it. */
  public static String requireAddress(String address) {
    return requireLiteral("address", address);
  }

  /** Checks a topic to publish to: a literal, no wildcards; returns it. */
  public static String requirePublishTopic(String topic) {
    return requireLiteral("topic", topic);
  }

  /** Checks a topic to subscribe to: {@code *} and {@code >} allowed as whole tokens, {@code >} last. */
  public static String requireSubscribeTopic(String topic) {
    requireTokens("topic", topic);
    String[] tokens = topic.split("\\.", -1);
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      boolean wildcard = token.equals("*") || token.equals(">");
      if (!wildcard && (token.contains("*") || token.contains(">"))) {
        throw invalid("topic", topic, "a wildcard must be a whole token");
      }
      if (token.equals(">") && i != tokens.length - 1) {
        throw invalid("topic", topic, "'>' must be the last token");
      }
    }
    return topic;
  }

  /** Checks a queue group name: a literal; returns it. */
  public static String requireQueueGroup(String queue) {
    return requireLiteral("queue group", queue);
  }

  /** True when {@code topic} is a subscription pattern with {@code *} or {@code >} tokens. */
  public static boolean isWildcard(String topic) {
    for (String token : topic.split("\\.", -1)) {
      if (token.equals("*") || token.equals(">")) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the literal {@code subject} matches the subscription {@code pattern}, using NATS
   * rules: {@code *} matches one token, a final {@code >} matches one or more.
   */
  public static boolean matches(String pattern, String subject) {
    if (!isWildcard(pattern)) {
      return pattern.equals(subject);
    }
    String[] p = pattern.split("\\.", -1);
    String[] s = subject.split("\\.", -1);
    for (int i = 0; i < p.length; i++) {
      if (p[i].equals(">")) {
        return s.length > i;
      }
      if (i >= s.length || !(p[i].equals("*") || p[i].equals(s[i]))) {
        return false;
      }
    }
    return p.length == s.length;
  }

  private static String requireLiteral(String kind, String value) {
    requireTokens(kind, value);
    if (value.indexOf('*') >= 0 || value.indexOf('>') >= 0) {
      throw invalid(kind, value, "wildcards '*' and '>' are not allowed");
    }
    return value;
  }

  private static void requireTokens(String kind, String value) {
    if (value == null) {
      throw new NullPointerException(kind + " must not be null");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(kind + " must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
        throw invalid(kind, value, "whitespace or control character at index " + i);
      }
    }
    if (value.startsWith(".") || value.endsWith(".") || value.contains("..")) {
      throw invalid(kind, value, "empty token (leading, trailing or double '.')");
    }
  }

  private static IllegalArgumentException invalid(String kind, String value, String why) {
    return new IllegalArgumentException("invalid " + kind + " '" + value + "': " + why);
  }
}
