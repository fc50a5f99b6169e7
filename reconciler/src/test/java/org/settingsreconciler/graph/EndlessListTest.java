package org.settingsreconciler.graph;

import tools.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Graph that pages on and on with full pages (each with a fresh next link, so no loop is seen) must end the list
 * as a failure once it holds more items than any tenant has, not fill the memory first (found by a hostile pass:
 * pages of 200,000 items ended in OutOfMemoryError).
 */
class EndlessListTest {

  private static final int PAGE = 250_000;

  private HttpServer server;
  private final AtomicInteger pagesServed = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    byte[] items = ("{\"id\":\"i\"}," ).repeat(PAGE - 1).concat("{\"id\":\"i\"}").getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/beta/things", exchange -> {
      int n = pagesServed.incrementAndGet();
      String next = "http://127.0.0.1:" + server.getAddress().getPort() + "/beta/things?$skiptoken=" + n;
      byte[] head = "{\"value\":[".getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("],\"@odata.nextLink\":\"" + next + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, head.length + items.length + tail.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(head);
        out.write(items);
        out.write(tail);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aListPastAMillionItemsFailsAsAWholeBeforeTheMemoryDoes() {
    GraphClient client = new GraphClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/beta"),
        () -> "token", new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofMillis(1)), new FakeTime(),
        new Throughput(1, 1), Duration.ofSeconds(30));

    GraphResult<List<JsonNode>> outcome = client.listAll(List.of("/beta/things")).get(0);

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.error().code()).isEqualTo("tooManyItems");
    assertThat(outcome.error().describe()).contains("more than 1,000,000 items");
    assertThat(pagesServed.get()).as("stops at the page that passes the cap").isEqualTo(ListJob.MAX_ITEMS / PAGE + 1);
  }
}
