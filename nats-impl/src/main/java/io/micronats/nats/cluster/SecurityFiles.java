package io.micronats.nats.cluster;

import io.nats.client.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated material of an {@link AuthLayout} and {@link TlsLayout}: the server config fragment
 * and the matching client settings (keys of {@code NatsSettings}).
 *
 * @param serverConfig lines to add to every node's config
 * @param clientSettings settings a client needs, without {@code addresses}
 */
record SecurityFiles(String serverConfig, Map<String, String> clientSettings) {

  SecurityFiles {
    clientSettings = Map.copyOf(clientSettings);
  }

  /**
   * Generates keys, JWTs and certificates into {@code dir}.
   *
   * @throws NatsServerException when generation fails
   */
  static SecurityFiles create(AuthLayout auth, TlsLayout tls, Path dir) {
    StringBuilder server = new StringBuilder();
    Map<String, String> client = new LinkedHashMap<>();
    try {
      Files.createDirectories(dir);
      if (auth instanceof AuthLayout.UserPassword up) {
        server.append("authorization {\n  user: \"").append(up.user()).append("\"\n  password: \"")
            .append(up.password()).append("\"\n}\n");
        client.put("user", up.user());
        client.put("password", up.password());
      } else if (auth instanceof AuthLayout.Users users) {
        server.append("authorization {\n  users: [\n");
        for (AuthLayout.User u : users.users()) {
          server.append("    { user: \"").append(u.name()).append("\", password: \"").append(u.password())
              .append("\", permissions: { publish: { allow: ").append(quoted(u.publish()))
              .append(" }, subscribe: { allow: ").append(quoted(u.subscribe())).append(" }")
              .append(u.allowResponses() ? ", allow_responses: true" : "").append(" } }\n");
        }
        server.append("  ]\n}\n");
        client.put("user", users.users().get(0).name());
        client.put("password", users.users().get(0).password());
      } else if (auth instanceof AuthLayout.Token t) {
        server.append("authorization {\n  token: \"").append(t.token()).append("\"\n}\n");
        client.put("token", t.token());
      } else if (auth instanceof AuthLayout.NKeyUser) {
        NKey user = NKey.createUser(new SecureRandom());
        Path seed = dir.resolve("user.nk");
        Files.writeString(seed, new String(user.getSeed()) + "\n", StandardCharsets.UTF_8);
        server.append("authorization {\n  users: [\n    { nkey: \"")
            .append(new String(user.getPublicKey())).append("\" }\n  ]\n}\n");
        client.put("nkey.file", seed.toString());
      } else if (auth instanceof AuthLayout.Creds) {
        OperatorJwts.Generated g = OperatorJwts.generate(dir);
        server.append(g.serverConfig());
        client.put("creds", g.credsFile().toString());
      }
      if (tls != TlsLayout.NONE) {
        TestCertificates certs = TestCertificates.generate(dir.resolve("tls"), tls == TlsLayout.MUTUAL_TLS);
        server.append("tls {\n  cert_file: \"").append(certs.serverCert()).append("\"\n  key_file: \"")
            .append(certs.serverKey()).append("\"\n  ca_file: \"").append(certs.caCert())
            .append("\"\n  timeout: 5\n");
        if (tls == TlsLayout.MUTUAL_TLS) {
          server.append("  verify: true\n");
          client.put("tls.cert", certs.clientCert().toString());
          client.put("tls.key", certs.clientKey().toString());
        }
        server.append("}\n");
        client.put("tls.ca", certs.caCert().toString());
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new NatsServerException("cannot generate security material for " + auth + " / " + tls
          + " in " + dir + ": " + e.getMessage(), java.util.List.of(), "", server.toString(), e);
    }
    return new SecurityFiles(server.toString(), client);
  }

  private static String quoted(java.util.List<String> subjects) {
    StringBuilder out = new StringBuilder("[");
    for (String subject : subjects) {
      if (subject.indexOf('"') >= 0 || subject.indexOf('\\') >= 0 || subject.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("subject permission " + subject + " holds a quote, backslash or line break");
      }
      out.append(out.length() > 1 ? ", " : "").append('"').append(subject).append('"');
    }
    return out.append(']').toString();
  }
}
