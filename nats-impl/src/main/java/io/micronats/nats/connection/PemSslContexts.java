package io.micronats.nats.connection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/** Builds an {@link SSLContext} from PEM files, with the JDK only. Stateless and thread-safe. */
final class PemSslContexts {
  private static final char[] STORE_PASSWORD = "micronats".toCharArray();

  private PemSslContexts() {}

  /**
   * The context for {@code tls}: trust the CA (or everything when insecure, or the JVM default),
   * and present the client certificate when given.
   *
   * @throws IllegalArgumentException naming the setting and file when a file is missing or invalid
   */
  static SSLContext create(TlsSettings tls) {
    try {
      TrustManager @Nullable [] trust = null;
      if (tls.insecure()) {
        trust = new TrustManager[] {new TrustAll()};
      } else if (tls.ca().isPresent()) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate c : certificates(tls.ca().get(), NatsSettings.TLS_CA)) {
          store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        trust = tmf.getTrustManagers();
      }
      KeyManager @Nullable [] keys = null;
      if (tls.cert().isPresent() && tls.key().isPresent()) {
        List<Certificate> chain = new ArrayList<>(certificates(tls.cert().get(), NatsSettings.TLS_CERT));
        PrivateKey key = privateKey(tls.key().get());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, STORE_PASSWORD, chain.toArray(new Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, STORE_PASSWORD);
        keys = kmf.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot build TLS context from " + tls + ": " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> certificates(Path file, String key) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("setting '" + key + "': no certificate in " + file);
      }
      return certs;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("setting '" + key + "': cannot read PEM certificate " + file
          + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("setting '" + NatsSettings.TLS_KEY + "': cannot read " + file
          + ": " + e.getMessage(), e);
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("setting '" + NatsSettings.TLS_KEY + "': " + file
          + " is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); convert it with "
          + "'openssl pkcs8 -topk8 -nocrypt'");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
    for (String algorithm : List.of("EC", "RSA", "Ed25519", "EdDSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm; try the next
      }
    }
    throw new IllegalArgumentException("setting '" + NatsSettings.TLS_KEY + "': " + file
        + " holds a key of an unsupported algorithm (EC, RSA and Ed25519 are supported)");
  }

  /** Trusts every certificate: development only, selected by {@code tls.insecure=true}. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // trusts everything by design (tls.insecure)
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // trusts everything by design (tls.insecure)
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
