package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Graph's throttling, simplified: each client (one bearer token) may make {@code budget} requests per window; past
 * it, requests are answered 429 with a Retry-After of the time left in the window. A batch item counts like a
 * request of its own, as Graph evaluates each one (graph-api.md 9.2). Throttled answers use no budget.
 *
 * <p>It also notes any client that sends a throttled request again before its Retry-After has passed, so a load
 * test can show the client waits as asked. Thread-safe.
 */
final class Throttle {

  /** What happened to one request: admitted, or told to come back after {@code retryAfter}. */
  record Decision(Duration retryAfter, boolean early) {
    boolean admitted() {
      return retryAfter == null;
    }
  }

  private static final class Window {
    long start;
    int used;
  }

  private final int budget;
  private final long windowNanos;
  private final Map<String, Window> windows = new HashMap<>();
  /** client + request line: when Retry-After allows that request again (nanoTime). */
  private final Map<String, Long> toldToWait = new HashMap<>();

  /** @param budget requests per window and client, at least 1 */
  Throttle(int budget, Duration window) {
    if (budget < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a throttle needs a budget of at least 1 and a positive window");
    }
    this.budget = budget;
    this.windowNanos = window.toNanos();
  }

  /**
   * @param requestLine the method, the path with query and the body, to recognise the same request sent again
   * @param arrived when the request arrived (nanoTime): a retry counts as early if it arrived before its time
   */
  synchronized Decision admit(String client, String requestLine, long arrived) {
    long now = System.nanoTime();
    String key = client + " " + requestLine;
    Long allowedAt = toldToWait.remove(key);
    boolean early = allowedAt != null && arrived - allowedAt < 0;
    Window w = windows.computeIfAbsent(client, c -> new Window());
    if (w.used == 0 || now - w.start >= windowNanos) {
      w.start = now;
      w.used = 0;
    }
    if (w.used < budget) {
      w.used++;
      return new Decision(null, early);
    }
    // Whole milliseconds, rounded up, so that a client that waits exactly Retry-After is never early.
    long millis = Math.max(1, (w.start + windowNanos - now + 999_999) / 1_000_000);
    toldToWait.put(key, now + millis * 1_000_000);
    return new Decision(Duration.ofMillis(millis), early);
  }

  /** Retry-After in seconds with milliseconds, as Graph sends it ("2.128"). */
  static String header(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
