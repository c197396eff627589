package io.micronats.nats.cluster;

/**
 * Whether a {@link NatsCluster}'s client port requires TLS. Certificates (a CA, a server
 * certificate for {@code 127.0.0.1}/{@code localhost}, and for {@link #MUTUAL_TLS} a client
 * certificate) are generated at {@link NatsCluster#start()} as PEM files in the cluster's work
 * directory; the client gets their paths through {@link NatsCluster#clientConfig()}.
 * Routes and monitoring stay plain.
 */
public enum TlsLayout {
  /** Plain TCP (the default). */
  NONE,
  /** The server presents a certificate signed by the generated CA; clients verify it. */
  TLS,
  /** Like {@link #TLS}, and the server also requires and verifies a client certificate. */
  MUTUAL_TLS
}
