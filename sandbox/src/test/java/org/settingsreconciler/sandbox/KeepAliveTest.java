package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The sandbox keeps a connection usable between requests while many others sit idle, as they do when one JVM runs
 * many clients against it (a test suite running the CLI in-process; the generative round trip found it). The JDK's
 * server, past 200 idle connections, closes each connection once its answer is sent, without a "Connection: close";
 * the client's next request on it then meets a reset, which for a POST or PATCH means "maybe applied".
 */
class KeepAliveTest {

  /** More than the JDK server's default limit of idle connections. */
  private static final int IDLE = 250;

  @Test
  void aConnectionAnswersASecondRequestWhileManyOthersAreIdle() throws IOException {
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, null)) {
      List<Socket> idle = new ArrayList<>();
      try {
        for (int i = 0; i < IDLE; i++) {
          Socket s = new Socket("127.0.0.1", sandbox.port());
          assertThat(get(s)).startsWith("HTTP/1.1 200");
          idle.add(s); // answered and left open: idle on the server's side
        }
        try (Socket s = new Socket("127.0.0.1", sandbox.port())) {
          assertThat(get(s)).startsWith("HTTP/1.1 200");
          assertThat(get(s)).as("the same connection, asked again").startsWith("HTTP/1.1 200");
        }
      } finally {
        for (Socket s : idle) {
          s.close();
        }
      }
    }
  }

  /** One keep-alive GET on the socket: the status line, or what happened instead. */
  private static String get(Socket s) {
    try {
      s.getOutputStream().write(("GET /beta/admin/people/pronouns HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer keep-alive-test\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      String status = line(in);
      if (status == null) {
        return "closed by the server";
      }
      int length = 0;
      for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
        if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring("content-length:".length()).strip());
        }
      }
      in.readNBytes(length);
      return status;
    } catch (IOException e) {
      return "failed: " + e;
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.US_ASCII);
  }
}
