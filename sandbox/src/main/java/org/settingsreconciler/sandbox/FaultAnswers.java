package org.settingsreconciler.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the faults that are not an ordinary answer ({@link InjectedFault}): it closes the connection
 * without a word, sends JSON that is broken or cut short, or holds an answer back. A held-back answer waits on a
 * timer, not on a server thread, so stalled clients cannot use up the sandbox's threads.
 */
final class FaultAnswers implements AutoCloseable {

  /** How long a timeout fault without a delay holds its answer back: longer than any client waits. */
  static final Duration HELD_BACK = Duration.ofMinutes(10);

  /** A body that claims to be JSON and is not. */
  static final String MALFORMED_JSON = "{\"value\": [\"this is\" \"not valid JSON\"}";

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "graph-sandbox-held-back");
        t.setDaemon(true);
        return t;
      });

  /** Answers (or does not) as the fault says; the exchange is closed now, or when a held-back answer goes. */
  void answer(HttpExchange exchange, InjectedFault f, String requestId, String clientRequestId) throws IOException {
    Fault fault = f.fault();
    switch (fault.kind()) {
      case RESET -> exchange.close(); // before any header: the server closes the connection
      case MALFORMED -> {
        try (exchange) {
          ExchangeHandler.write(exchange, 200, Map.of(), MALFORMED_JSON.getBytes(StandardCharsets.UTF_8), requestId,
              clientRequestId);
        }
      }
      case TRUNCATED -> {
        SandboxResponse served = f.served();
        byte[] whole = served.body() == null ? "{}".getBytes(StandardCharsets.UTF_8) : SandboxJson.bytes(served.body());
        try (exchange) {
          // A complete HTTP answer whose JSON stops halfway, as a proxy that lost the rest would send.
          ExchangeHandler.write(exchange, served.status(), served.headers(), Arrays.copyOf(whole, whole.length / 2),
              requestId, clientRequestId);
        }
      }
      case TIMEOUT -> {
        Duration delay = fault.delay() == null ? HELD_BACK : fault.delay();
        timer.schedule(() -> late(exchange, f.served(), requestId, clientRequestId), delay.toMillis(),
            TimeUnit.MILLISECONDS);
      }
      default -> throw new IllegalStateException("not a fault of the HTTP side: " + fault.kind());
    }
  }

  private static void late(HttpExchange exchange, SandboxResponse served, String requestId, String clientRequestId) {
    try (exchange) {
      ExchangeHandler.write(exchange, served, requestId, clientRequestId);
    } catch (IOException | RuntimeException gone) {
      // The client gave up long ago and closed the connection: nobody is left to answer.
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
