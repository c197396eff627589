package io.micronats.nats.connection;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a client authenticates: nothing, user and password, a token, an NKey seed (inline or in a
 * file), or a {@code .creds} file (user JWT plus seed).
 *
 * <p>Immutable values; {@code toString()} never shows a secret. Files are read when a connection
 * is made, not when the value is created.
 */
public sealed interface NatsAuth {

  /** No authentication. */
  record None() implements NatsAuth {}

  /**
   * User and password.
   *
   * @param user the user name
   * @param password the password
   */
  record UserPassword(String user, String password) implements NatsAuth {
    public UserPassword {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isEmpty()) {
        throw new IllegalArgumentException("setting 'user' must not be empty when 'password' is set");
      }
    }

    @Override
    public String toString() {
      return "UserPassword[user=" + user + ", password=***]";
    }
  }

  /**
   * A token.
   *
   * @param token the token
   */
  record Token(String token) implements NatsAuth {
    public Token {
      Objects.requireNonNull(token, "token");
      if (token.isEmpty()) {
        throw new IllegalArgumentException("setting 'token' must not be empty");
      }
    }

    @Override
    public String toString() {
      return "Token[***]";
    }
  }

  /**
   * An NKey user seed ({@code SU...}) given inline.
   *
   * @param seed the seed
   */
  record NKeySeed(String seed) implements NatsAuth {
    public NKeySeed {
      Objects.requireNonNull(seed, "seed");
      if (!seed.startsWith("SU")) {
        throw new IllegalArgumentException("setting 'nkey.seed' must be a user seed starting with 'SU'");
      }
    }

    @Override
    public String toString() {
      return "NKeySeed[***]";
    }
  }

  /**
   * A file holding an NKey user seed (the first line starting with {@code SU}).
   *
   * @param file the seed file
   */
  record NKeyFile(Path file) implements NatsAuth {
    public NKeyFile {
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * A {@code .creds} file: a user JWT and its NKey seed, as written by {@code nsc}.
   *
   * @param file the credentials file
   */
  record CredsFile(Path file) implements NatsAuth {
    public CredsFile {
      Objects.requireNonNull(file, "file");
    }
  }
}
