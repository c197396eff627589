package io.micronats.nats.cluster;

import java.util.Objects;

/**
 * How clients authenticate to a {@link NatsCluster}: the cluster writes the matching server config
 * and hands the matching client settings out through {@link NatsCluster#clientConfig()}.
 *
 * <p>Immutable values. Keys, JWTs and credential files are generated at {@link NatsCluster#start()}
 * into the cluster's work directory, never at construction.
 */
public sealed interface AuthLayout {

  /** No authentication (the default). */
  static AuthLayout none() {
    return new None();
  }

  /** A single user with a plain-text password. */
  static AuthLayout userPassword(String user, String password) {
    return new UserPassword(user, password);
  }

  /** A single shared token. */
  static AuthLayout token(String token) {
    return new Token(token);
  }

  /** A single NKey user whose key pair is generated at start; the client gets the seed file. */
  static AuthLayout nkey() {
    return new NKeyUser();
  }

  /**
   * Decentralized JWT auth: an operator, one account and one user generated at start, a memory
   * resolver preloaded with the account JWT, and a {@code .creds} file for the client.
   */
  static AuthLayout creds() {
    return new Creds();
  }

  /** No authentication. */
  record None() implements AuthLayout {}

  /**
   * User and password authentication.
   *
   * @param user the user name; not blank
   * @param password the password; not blank
   */
  record UserPassword(String user, String password) implements AuthLayout {
    public UserPassword {
      requireText(user, "user");
      requireText(password, "password");
    }

    @Override
    public String toString() {
      return "UserPassword[user=" + user + ", password=***]";
    }
  }

  /**
   * Token authentication.
   *
   * @param token the token; not blank
   */
  record Token(String token) implements AuthLayout {
    public Token {
      requireText(token, "token");
    }

    @Override
    public String toString() {
      return "Token[***]";
    }
  }

  /** NKey authentication with a generated user key pair. */
  record NKeyUser() implements AuthLayout {}

  /** Operator-mode JWT authentication with a generated {@code .creds} file. */
  record Creds() implements AuthLayout {}

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(name + " must not contain quotes, backslashes or newlines");
    }
  }
}
