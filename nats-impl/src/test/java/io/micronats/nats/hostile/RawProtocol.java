package io.micronats.nats.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A stranger speaking the NATS client protocol by hand over a plain socket, to send what no NATS
 * client library would: a {@code HPUB} whose header block is not {@code NATS/1.0...}.
 */
final class RawProtocol implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  // "127.0.0.1" is an IP literal, so no name is resolved; the server listens on IPv4 loopback only.
  @SuppressWarnings("AddressSelection")
  RawProtocol(String clientUrl) throws IOException {
    URI uri = URI.create(clientUrl);
    socket = new Socket("127.0.0.1", uri.getPort());
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    readLine(); // INFO
    send("CONNECT {\"verbose\":false,\"pedantic\":false,\"headers\":true,\"no_responders\":false}\r\n");
    ping();
  }

  /** Publishes one message whose header section is {@code header} (not a valid block) and body {@code body}. */
  void publishMalformed(String subject, String header, String body) throws IOException {
    int h = header.getBytes(StandardCharsets.UTF_8).length;
    int b = body.getBytes(StandardCharsets.UTF_8).length;
    send("HPUB " + subject + " " + h + " " + (h + b) + "\r\n" + header + body + "\r\n");
    ping();
  }

  /** Sends PING and waits for the PONG: the server has processed everything sent before. */
  void ping() throws IOException {
    send("PING\r\n");
    while (true) {
      String line = readLine();
      if (line.startsWith("PONG")) {
        return;
      }
      if (line.startsWith("-ERR")) {
        throw new IOException("server refused: " + line);
      }
    }
  }

  private void send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < 64 * 1024; i++) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("server closed the connection");
      }
      if (c == '\n') {
        return line.toString().trim();
      }
      line.append((char) c);
    }
    throw new IOException("line too long");
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
