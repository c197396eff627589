package io.micronats.nats.cluster;

import io.nats.client.NKey;
import io.nats.client.support.JsonSerializable;
import io.nats.client.support.JwtUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Generates a decentralized-auth hierarchy for tests: an operator, one account signed by it, one
 * user signed by the account, the server config that trusts the operator and preloads the account
 * into a memory resolver, and the user's {@code .creds} file. Stateless and thread-safe.
 */
final class OperatorJwts {
  private static final String ACCOUNT_CLAIMS = "{\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,"
      + "\"imports\":-1,\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1},"
      + "\"default_permissions\":{\"pub\":{},\"sub\":{}},\"type\":\"account\",\"version\":2}";
  private static final String OPERATOR_CLAIMS = "{\"type\":\"operator\",\"version\":2}";

  private OperatorJwts() {}

  /**
   * The generated material.
   *
   * @param serverConfig operator, resolver and preload lines for the server config
   * @param credsFile the user's credentials file
   * @param accountPublicKey the account the user belongs to (for monitoring queries)
   */
  record Generated(String serverConfig, Path credsFile, String accountPublicKey) {}

  static Generated generate(Path dir) throws IOException, GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    NKey operator = NKey.createOperator(random);
    NKey account = NKey.createAccount(random);
    NKey user = NKey.createUser(random);
    String operatorPub = new String(operator.getPublicKey());
    String accountPub = new String(account.getPublicKey());
    String userPub = new String(user.getPublicKey());
    long now = JwtUtils.currentTimeSeconds();

    String operatorJwt = JwtUtils.issueJWT(operator, operatorPub, "micronats-operator", null, now,
        operatorPub, null, claims(OPERATOR_CLAIMS));
    String accountJwt = JwtUtils.issueJWT(operator, accountPub, "micronats-account", null, now,
        operatorPub, null, claims(ACCOUNT_CLAIMS));
    String userJwt = JwtUtils.issueUserJWT(account, accountPub, userPub, "micronats-user");

    Path operatorFile = dir.resolve("operator.jwt");
    Files.writeString(operatorFile, operatorJwt, StandardCharsets.US_ASCII);
    Path creds = dir.resolve("user.creds");
    Files.writeString(creds, "-----BEGIN NATS USER JWT-----\n" + userJwt + "\n------END NATS USER JWT------\n\n"
        + "-----BEGIN USER NKEY SEED-----\n" + new String(user.getSeed()) + "\n------END USER NKEY SEED------\n",
        StandardCharsets.US_ASCII);
    String config = "operator: \"" + operatorFile + "\"\n"
        + "resolver: MEMORY\n"
        + "resolver_preload: {\n  " + accountPub + ": \"" + accountJwt + "\"\n}\n";
    return new Generated(config, creds, accountPub);
  }

  private static JsonSerializable claims(String json) {
    return () -> json;
  }
}
