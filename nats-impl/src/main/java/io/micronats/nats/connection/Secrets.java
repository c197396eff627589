package io.micronats.nats.connection;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks the user info of URLs ({@code nats://user:password@host}, {@code nats://token@host}) in
 * any text before it is logged, thrown or printed: {@code nats://***@host}. Stateless and
 * thread-safe; use it on anything that may hold an address from the settings.
 */
public final class Secrets {

  private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s,\\]\\[]*@");

  private Secrets() {}

  /** {@code text} with the user info of every URL in it replaced by {@code ***}. */
  public static String mask(String text) {
    return text.indexOf('@') < 0 ? text : USER_INFO.matcher(text).replaceAll("$1***@");
  }

  /** Each address masked. */
  public static List<String> mask(List<String> addresses) {
    return addresses.stream().map(Secrets::mask).toList();
  }
}
