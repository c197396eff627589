package io.micronats.nats.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away certificate authority with a server certificate for {@code 127.0.0.1} and
 * {@code localhost} and, optionally, a client certificate, as PEM files (keys in PKCS#8).
 *
 * <p>Made with the {@code openssl} command line (EC P-256 keys, valid for 2 days). Immutable.
 *
 * @param caCert the CA certificate
 * @param serverCert the server certificate
 * @param serverKey the server private key
 * @param clientCert the client certificate (the server certificate's path when not generated)
 * @param clientKey the client private key (the server key's path when not generated)
 */
record TestCertificates(Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

  private static final long COMMAND_TIMEOUT_SECONDS = 30;

  /**
   * Generates the files into {@code dir}.
   *
   * @throws IOException when openssl is missing or fails (the message has its output)
   */
  static TestCertificates generate(Path dir, boolean withClient) throws IOException {
    Files.createDirectories(dir);
    Path caKey = dir.resolve("ca-key.pem");
    Path caCert = dir.resolve("ca.pem");
    run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", caKey.toString(), "-out", caCert.toString(), "-days", "2",
        "-subj", "/CN=micronats test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    Path serverKey = dir.resolve("server-key.pem");
    Path serverCert = dir.resolve("server.pem");
    issue(dir, caCert, caKey, "server", "localhost", "serverAuth", serverKey, serverCert);
    Path clientKey = serverKey;
    Path clientCert = serverCert;
    if (withClient) {
      clientKey = dir.resolve("client-key.pem");
      clientCert = dir.resolve("client.pem");
      issue(dir, caCert, caKey, "client", "micronats-client", "clientAuth", clientKey, clientCert);
    }
    return new TestCertificates(caCert, serverCert, serverKey, clientCert, clientKey);
  }

  private static void issue(Path dir, Path caCert, Path caKey, String name, String cn, String usage,
      Path key, Path cert) throws IOException {
    Path csr = dir.resolve(name + ".csr");
    Path ext = dir.resolve(name + ".ext");
    Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        + "extendedKeyUsage=" + usage + "\nkeyUsage=critical,digitalSignature,keyEncipherment\n",
        StandardCharsets.UTF_8);
    run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + cn);
    run(dir, "openssl", "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(),
        "-CAkey", caKey.toString(), "-CAcreateserial", "-out", cert.toString(), "-days", "2",
        "-sha256", "-extfile", ext.toString());
    String pem = Files.readString(key, StandardCharsets.US_ASCII);
    if (!pem.contains("BEGIN PRIVATE KEY")) {
      // older openssl writes "BEGIN EC PRIVATE KEY"; Java reads only PKCS#8
      run(dir, "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", key.toString(), "-out", key + ".p8");
      Files.move(Path.of(key + ".p8"), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void run(Path dir, String... command) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p;
    try {
      p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run openssl (install it, e.g. 'apt-get install openssl'): "
          + e.getMessage(), e);
    }
    @Nullable String out = null;
    try {
      p.getOutputStream().close();
      boolean done = p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + " did not finish within "
            + COMMAND_TIMEOUT_SECONDS + " s");
      }
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + String.join(" ", cmd), e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed with code " + p.exitValue() + ": " + out);
    }
  }
}
