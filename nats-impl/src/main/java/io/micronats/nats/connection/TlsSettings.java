package io.micronats.nats.connection;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Client TLS settings with PEM files: a CA to trust, and for mutual TLS a client certificate and
 * its PKCS#8 private key; or {@code insecure}, which trusts any server certificate (development
 * only).
 *
 * <p>Immutable. Files are read when a connection is made. TLS is also used when an address has
 * the {@code tls://} scheme; then, without a CA, the JVM's default trust store applies.
 *
 * @param ca the CA certificate to trust (PEM)
 * @param cert the client certificate for mutual TLS (PEM)
 * @param key the client private key for mutual TLS (PEM, PKCS#8)
 * @param insecure trust every server certificate
 */
public record TlsSettings(Optional<Path> ca, Optional<Path> cert, Optional<Path> key, boolean insecure) {

  public TlsSettings {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(cert, "cert");
    Objects.requireNonNull(key, "key");
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException("settings 'tls.cert' and 'tls.key' must be given together, got "
          + (cert.isPresent() ? "only tls.cert" : "only tls.key"));
    }
    if (insecure && ca.isPresent()) {
      throw new IllegalArgumentException("settings 'tls.insecure' and 'tls.ca' exclude each other");
    }
  }

  /** No TLS settings. */
  public static TlsSettings none() {
    return new TlsSettings(Optional.empty(), Optional.empty(), Optional.empty(), false);
  }

  /** Whether any TLS setting is given (addresses with {@code tls://} enable TLS on their own). */
  public boolean configured() {
    return ca.isPresent() || cert.isPresent() || insecure;
  }
}
