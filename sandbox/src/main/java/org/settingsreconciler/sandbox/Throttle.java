package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Graph's throttling, simplified: each client (one bearer token) may make {@code budget} requests per window, shared
 * by all its requests at once (batch items one by one, as Graph evaluates each: docs/graph-facts.md 9.2); past it, requests
 * are answered 429 with a Retry-After of the time left in the window. Throttled answers use no budget.
 *
 * <p>Repeated throttling lengthens the wait, as Graph's does (concepts/throttling.md: "Microsoft Graph continues to log
 * resource usage while a client is being throttled"; docs/graph-facts.md 9.2): a client throttled again within a window of
 * its last penalty ending gets a strike more, and each strike past the first adds a whole window to its Retry-After.
 * Until the penalty has passed every request of the client is answered 429 with the time left. A window without
 * throttling clears the strikes.
 *
 * <p>The share of the budget used is told as Graph tells it: see {@link #WARN_ABOVE}. Whether a client then waits as
 * asked is for a {@link SandboxListener} to judge. Time is read from an injectable clock (nanoseconds), so tests of
 * windows and penalties need not wait. Thread-safe.
 */
final class Throttle {

  /**
   * Graph's identity and access service sends {@code x-ms-throttle-limit-percentage} only when the application has
   * consumed more than 0.8 of its limit (concepts/throttling.md at 28dd02d3, "Regular responses requests";
   * concepts/throttling-limits.md, same section).
   */
  static final double WARN_ABOVE = 0.8;

  /** What the throttle decided for one request. */
  record Decision(Duration retryAfter, double used) {
    boolean admitted() {
      return retryAfter == null;
    }
  }

  private static final class Client {
    long start;
    int used;
    /** While a penalty runs: when (clock) it ends. */
    long blockedUntil;
    boolean blocked;
    /** Throttlings in a row, each within a window of the last one's end. */
    int strikes;
    long lastPenaltyEnd;
  }

  private final int budget;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<String, Client> clients = new HashMap<>();

  /** @param budget requests per window and client, at least 1 */
  Throttle(int budget, Duration window) {
    this(budget, window, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime()} counts them */
  Throttle(int budget, Duration window, LongSupplier clock) {
    if (budget < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a throttle needs a budget of at least 1 and a positive window");
    }
    this.budget = budget;
    this.windowNanos = window.toNanos();
    this.clock = clock;
  }

  /** Admits one request of {@code client} and says how much of the budget it has used, or how long it must wait. */
  synchronized Decision admit(String client) {
    long now = clock.getAsLong();
    Client c = clients.computeIfAbsent(client, k -> new Client());
    if (c.blocked) {
      if (now - c.blockedUntil < 0) {
        return new Decision(retryAfter(c.blockedUntil - now), 1.0);
      }
      c.blocked = false;
      c.used = 0; // the penalty is served: a new window starts with this request
    }
    if (c.used == 0 || now - c.start >= windowNanos) {
      c.start = now;
      c.used = 0;
    }
    if (c.used < budget) {
      c.used++;
      return new Decision(null, (double) c.used / budget);
    }
    boolean repeated = c.strikes > 0 && now - c.lastPenaltyEnd < windowNanos;
    c.strikes = repeated ? c.strikes + 1 : 1;
    long end = c.start + windowNanos + (c.strikes - 1) * windowNanos;
    c.blocked = true;
    c.blockedUntil = end;
    c.lastPenaltyEnd = end;
    return new Decision(retryAfter(end - now), 1.0);
  }

  /** Whole milliseconds, rounded up, so that a client that waits exactly Retry-After is never early. */
  private static Duration retryAfter(long nanos) {
    return Duration.ofMillis(Math.max(1, (nanos + 999_999) / 1_000_000));
  }

  /** Retry-After in seconds with milliseconds, as Graph sends it ("2.128"). */
  static String header(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }

  /** x-ms-throttle-limit-percentage's value: the share of the limit used, 0.8 to 1.8 as the docs give it. */
  static String percentage(double used) {
    return String.format(Locale.ROOT, "%.3f", used);
  }
}
