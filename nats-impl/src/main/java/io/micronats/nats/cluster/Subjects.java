package io.micronats.nats.cluster;

/** NATS subject matching ({@code *} one token, {@code >} the rest). Stateless and thread-safe. */
final class Subjects {
  private Subjects() {}

  /** Whether a message published on {@code subject} matches the subscription {@code pattern}. */
  static boolean matches(String pattern, String subject) {
    String[] p = pattern.split("\\.", -1);
    String[] s = subject.split("\\.", -1);
    for (int i = 0; i < p.length; i++) {
      if (p[i].equals(">")) {
        return s.length > i;
      }
      if (i >= s.length) {
        return false;
      }
      if (!p[i].equals("*") && !p[i].equals(s[i])) {
        return false;
      }
    }
    return p.length == s.length;
  }
}
