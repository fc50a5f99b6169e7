package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Graph's throttling, simplified: each client (one bearer token) may make {@code budget} requests per window; past
 * it, requests are answered 429 with a Retry-After of the time left in the window. A batch item counts like a
 * request of its own, as Graph evaluates each one (docs/graph-facts.md 9.2). Throttled answers use no budget.
 * Whether a client then waits as asked is for a {@link SandboxListener} to judge. Thread-safe.
 */
final class Throttle {

  private static final class Window {
    long start;
    int used;
  }

  private final int budget;
  private final long windowNanos;
  private final Map<String, Window> windows = new HashMap<>();

  /** @param budget requests per window and client, at least 1 */
  Throttle(int budget, Duration window) {
    if (budget < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a throttle needs a budget of at least 1 and a positive window");
    }
    this.budget = budget;
    this.windowNanos = window.toNanos();
  }

  /** Admits one request of {@code client}, or says how long it must wait: the time left in its window. */
  synchronized Optional<Duration> admit(String client) {
    long now = System.nanoTime();
    Window w = windows.computeIfAbsent(client, c -> new Window());
    if (w.used == 0 || now - w.start >= windowNanos) {
      w.start = now;
      w.used = 0;
    }
    if (w.used < budget) {
      w.used++;
      return Optional.empty();
    }
    // Whole milliseconds, rounded up, so that a client that waits exactly Retry-After is never early.
    long millis = Math.max(1, (w.start + windowNanos - now + 999_999) / 1_000_000);
    return Optional.of(Duration.ofMillis(millis));
  }

  /** Retry-After in seconds with milliseconds, as Graph sends it ("2.128"). */
  static String header(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
