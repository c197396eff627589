package io.micronats.simulator.jmh;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.Message;
import io.nats.client.impl.Headers;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Message encoding on the hot path: building an SPI {@link Message} (defensive copies) and
 * turning its headers into NATS headers and back, as the NATS plugins do for every message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MessageEncodingBenchmark {
  private final byte[] body = new byte[128];
  private final Map<String, String> headers = Map.of("Micro-Endpoint", "Svc.Call0", "Content-Type", "application/octet-stream");
  private final @Nullable Headers encoded = HeaderCodec.encode(headers);

  /** A message with two headers and a 128-byte body. */
  @Benchmark
  public Message newMessage() {
    return new Message(headers, body);
  }

  /** SPI headers to NATS headers. */
  @Benchmark
  public @Nullable Object encodeHeaders() {
    return HeaderCodec.encode(headers, Map.of("Mn-Ctl", "data"));
  }

  /** NATS headers back to SPI headers. */
  @Benchmark
  public Map<String, String> decodeHeaders() {
    return HeaderCodec.decode(encoded);
  }
}
