package io.micronats.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link InboundGuard}: valid protocol passes byte for byte, however the reads split it. */
class InboundGuardTest {

  // CRLF is the protocol's line end: as concatenated literals every \r\n stays visible, a text
  // block would hide the line ends and need an escape on each line anyway.
  @SuppressWarnings("StringConcatToTextBlock")
  private static final String VALID = "INFO {\"server_id\":\"x\"}\r\n"
      + "MSG a.b 1 5\r\nhello\r\n"
      + "PING\r\n"
      + "HMSG a.b 2 _INBOX.r 18 23\r\nNATS/1.0\r\nK: v\r\n\r\n\r\nworld\r\n"
      + "MSG a.b 1 reply 12\r\nHMSG 9 9\r\n\r\n\r\n"
      + "HMSG a.b 2 16 16\r\nNATS/1.0 503\r\n\r\n\r\n"
      + "+OK\r\n";

  private static String run(String stream, long seed) {
    byte[] in = stream.getBytes(StandardCharsets.UTF_8);
    InboundGuard guard = new InboundGuard();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Random random = new Random(seed);
    int i = 0;
    while (i < in.length) {
      int n = Math.min(in.length - i, 1 + random.nextInt(9));
      byte[] chunk = new byte[n];
      System.arraycopy(in, i, chunk, 0, n);
      guard.filter(chunk, n, out::write);
      i += n;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validProtocolPassesUnchangedInAnySplit() {
    for (long seed = 0; seed < 200; seed++) {
      assertThat(run(VALID, seed)).isEqualTo(VALID);
    }
  }

  @Test
  void aMalformedHeaderBlockIsReplacedAndTheSizesFixedTheRestUntouched() {
    String stream = "HMSG t 1 6 18\r\nBROKENbody-of-12ch\r\nMSG t 1 2\r\nok\r\n";
    for (long seed = 0; seed < 50; seed++) {
      assertThat(run(stream, seed)).isEqualTo(
          "HMSG t 1 40 52\r\nNATS/1.0\r\nMn-Malformed: header-block\r\n\r\nbody-of-12ch\r\nMSG t 1 2\r\nok\r\n");
    }
  }

  @Test
  void aMalformedBlockAfterValidOnesOfTheSameLengthIsStillReplaced() {
    // the guard remembers the last block that parsed; a different block must be judged anew
    String valid = "HMSG t 1 18 20\r\nNATS/1.0\r\nK: v\r\n\r\nok\r\n";
    String broken = "HMSG t 1 18 20\r\nBROKEN/1.\r\nK:v\r\n\r\nok\r\n";
    String replaced = "HMSG t 1 40 42\r\nNATS/1.0\r\nMn-Malformed: header-block\r\n\r\nok\r\n";
    for (long seed = 0; seed < 50; seed++) {
      assertThat(run(valid + valid + broken + valid, seed)).isEqualTo(valid + valid + replaced + valid);
    }
  }

  @Test
  void theCheapCheckAcceptsOnlyBlocksJnatsParsesAndEveryBlockMicronatsSends() {
    String[] accepted = {"NATS/1.0\r\nMn-Seq: 12\r\nMn-Re: 11\r\nMicro-Endpoint: Bench.Echo\r\n\r\n",
        "NATS/1.0\r\nK: v\r\n\r\n", "NATS/1.0\r\nK:v w\r\n\r\n", "NATS/1.0\r\n\r\n"};
    for (String block : accepted) {
      byte[] b = block.getBytes(StandardCharsets.US_ASCII);
      assertThat(InboundGuard.plainlyValid(b)).as(block).isTrue();
      new io.nats.client.support.IncomingHeadersProcessor(b); // jnats parses it too
    }
    String[] sentToJnats = {"BROKEN/1.\r\nK:v\r\n\r\n", "NATS/1.0 503\r\n\r\n", "NATS/1.0\r\nK v\r\n\r\n",
        "NATS/1.0\r\nK:\r\n\r\n", "NATS/1.0\r\nK: v\r\n", "NATS/1.0\r\n: v\r\n\r\n", "NATS/1.0\r\nK: v\nX: y\r\n\r\n",
        "NATS/1.0\r\nK\u00e9: v\r\n\r\n", "NATS/1.0\r\nK: \u00e9\r\n\r\n", "NATS/1.0\r\nK:  \r\n\r\n"};
    for (String block : sentToJnats) {
      assertThat(InboundGuard.plainlyValid(block.getBytes(StandardCharsets.UTF_8))).as(block).isFalse();
    }
  }
}
