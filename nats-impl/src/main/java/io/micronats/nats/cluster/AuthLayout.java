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

  /**
   * Several users with passwords and subject permissions (allow lists, and whether the user may
   * answer requests it received): the way to keep one role from publishing or subscribing where
   * another's traffic goes. The cluster's own client settings are the first user's.
   */
  static AuthLayout users(java.util.List<User> users) {
    return new Users(users);
  }

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

  /**
   * Users with subject permissions; see {@link #users}.
   *
   * @param users at least one; the first one's credentials are the cluster's client settings
   */
  record Users(java.util.List<User> users) implements AuthLayout {
    public Users {
      users = java.util.List.copyOf(users);
      if (users.isEmpty()) {
        throw new IllegalArgumentException("a users layout needs at least one user");
      }
    }

    @Override
    public String toString() {
      return "Users" + users.stream().map(User::name).toList();
    }
  }

  /**
   * One user of a {@link Users} layout.
   *
   * @param name the user name
   * @param password the password
   * @param publish subjects (wildcards allowed) the user may publish to
   * @param subscribe subjects the user may subscribe to
   * @param allowResponses whether the user may reply to requests it received, outside {@code publish}
   */
  record User(String name, String password, java.util.List<String> publish, java.util.List<String> subscribe,
      boolean allowResponses) {
    public User {
      requireText(name, "name");
      requireText(password, "password");
      publish = java.util.List.copyOf(publish);
      subscribe = java.util.List.copyOf(subscribe);
    }

    @Override
    public String toString() {
      return "User[" + name + ", password=***, publish=" + publish + ", subscribe=" + subscribe
          + ", allowResponses=" + allowResponses + "]";
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
