package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Graph's throttling, simplified: each client (one bearer token, standing for one app) may make {@code perApp}
 * requests per window, and all clients together, the tenant's apps, {@code perTenant} per window of the same length
 * (either may be absent). A request is admitted only if both budgets have room, and uses one of each; batch items are
 * counted one by one, as Graph evaluates each (docs/graph-facts.md 9.2). Past either, requests are answered 429 with a
 * Retry-After of the time left in the window of the budget that ran out. Throttled answers use no budget of either.
 *
 * <p>Graph evaluates a request against several limits, per app per tenant and per tenant for all apps among them, and
 * "the first limit to be reached triggers throttling behavior" (concepts/throttling-limits.md, the introduction; the
 * assignment service, for one, allows 500 requests per 10 seconds per app per tenant and 1,000 per tenant). When the
 * tenant's budget is what runs out, every client of the tenant is refused until the tenant's penalty ends, and the
 * {@link Decision} names the {@link Scope} that refused.
 *
 * <p>Repeated throttling lengthens the wait, as Graph's does (concepts/throttling.md: "Microsoft Graph continues to log
 * resource usage while a client is being throttled"; docs/graph-facts.md 9.2): a budget (a client's, or the tenant's)
 * run out again within a window of its last penalty ending gets a strike more, and each strike past the first adds a
 * whole window to its Retry-After. Until the penalty has passed every request it covers (the client's, or every
 * client's for the tenant) is answered 429 with the time left. A window without throttling clears the strikes.
 *
 * <p>The share of the budget used is told as Graph tells it: see {@link #WARN_ABOVE}; with both budgets, the larger of
 * the two shares. Whether a client then waits as asked is for a {@link SandboxListener} to judge. Time is read from an
 * injectable clock (nanoseconds), so tests of windows and penalties need not wait. Thread-safe.
 */
final class Throttle {

  /**
   * Graph's identity and access service sends {@code x-ms-throttle-limit-percentage} only when the application has
   * consumed more than 0.8 of its limit (concepts/throttling.md at 28dd02d3, "Regular responses requests";
   * concepts/throttling-limits.md, same section).
   */
  static final double WARN_ABOVE = 0.8;

  /**
   * Which limit refused a request, named as the identity service names it in {@code x-ms-throttle-scope}
   * (concepts/throttling-limits.md, "Throttled responses requests": "Tenant_Application - All requests for a
   * particular tenant for the current application", "Tenant - All requests for the current tenant, regardless of the
   * application").
   */
  enum Scope {
    /** The client's own budget: per app per tenant. */
    APP("Tenant_Application"),
    /** The budget all clients share: per tenant for all apps. */
    TENANT("Tenant");

    private final String header;

    Scope(String header) {
      this.header = header;
    }

    /** The first part of {@code x-ms-throttle-scope}. */
    String header() {
      return header;
    }
  }

  /**
   * What the throttle decided for one request.
   *
   * @param retryAfter how long to wait, or null when admitted
   * @param used the share of the budget used: the larger of the client's and the tenant's; 1.0 when refused
   * @param scope the limit that refused it, or null when admitted
   */
  record Decision(Duration retryAfter, double used, Scope scope) {
    boolean admitted() {
      return retryAfter == null;
    }
  }

  /** One budget's fixed window and its penalty: a client's, or the tenant's. */
  private static final class Budget {
    final int limit;
    long start;
    int used;
    /** While a penalty runs: when (clock) it ends. */
    long blockedUntil;
    boolean blocked;
    /** Throttlings in a row, each within a window of the last one's end. */
    int strikes;
    long lastPenaltyEnd;

    Budget(int limit) {
      this.limit = limit;
    }

    /** Nanoseconds left of a running penalty, or 0 when none runs (then the next request starts a new window). */
    long penaltyLeft(long now) {
      if (!blocked) {
        return 0;
      }
      if (now - blockedUntil < 0) {
        return blockedUntil - now;
      }
      blocked = false;
      used = 0; // the penalty is served: a new window starts with the next request
      return 0;
    }

    /** Whether one request more fits in the window, starting a new window if the last one has ended. */
    boolean hasRoom(long now, long windowNanos) {
      if (used == 0 || now - start >= windowNanos) {
        start = now;
        used = 0;
      }
      return used < limit;
    }

    double share() {
      return (double) used / limit;
    }

    /** The budget ran out: its penalty starts, a window longer per strike. Returns the nanoseconds it lasts. */
    long penalize(long now, long windowNanos) {
      boolean repeated = strikes > 0 && now - lastPenaltyEnd < windowNanos;
      strikes = repeated ? strikes + 1 : 1;
      long end = start + windowNanos + (strikes - 1) * windowNanos;
      blocked = true;
      blockedUntil = end;
      lastPenaltyEnd = end;
      return end - now;
    }
  }

  private final int perApp;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<String, Budget> clients = new HashMap<>();
  /** The budget all clients share, or null for none. */
  private final Budget tenant;

  /** @param budget requests per window and client, at least 1 */
  Throttle(int budget, Duration window) {
    this(budget, window, System::nanoTime);
  }

  /** @param clock nanoseconds, as {@link System#nanoTime()} counts them */
  Throttle(int budget, Duration window, LongSupplier clock) {
    this(budget, 0, window, clock);
  }

  /**
   * @param perApp requests per window and client, or 0 for no limit per client
   * @param perTenant requests per window of all clients together, or 0 for no limit per tenant
   * @param clock nanoseconds, as {@link System#nanoTime()} counts them
   */
  Throttle(int perApp, int perTenant, Duration window, LongSupplier clock) {
    if (perApp < 0 || perTenant < 0 || perApp + perTenant == 0 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException(
          "a throttle needs a budget of at least 1 (per app or per tenant, neither negative) and a positive window");
    }
    this.perApp = perApp;
    this.tenant = perTenant == 0 ? null : new Budget(perTenant);
    this.windowNanos = window.toNanos();
    this.clock = clock;
  }

  /** Admits one request of {@code client} and says how much of the budget it has used, or how long it must wait. */
  synchronized Decision admit(String client) {
    long now = clock.getAsLong();
    Budget app = perApp == 0 ? null : clients.computeIfAbsent(client, k -> new Budget(perApp));
    // A running penalty refuses at once, and the other budget is left as it is: a throttled answer uses none of it.
    long appLeft = app == null ? 0 : app.penaltyLeft(now);
    long tenantLeft = tenant == null ? 0 : tenant.penaltyLeft(now);
    if (appLeft > 0 || tenantLeft > 0) {
      return refused(appLeft, tenantLeft);
    }
    boolean appFull = app != null && !app.hasRoom(now, windowNanos);
    boolean tenantFull = tenant != null && !tenant.hasRoom(now, windowNanos);
    if (appFull || tenantFull) {
      // Each limit reached is penalized on its own, so that its strikes grow as Graph keeps counting; the client is
      // told the longer wait.
      return refused(appFull ? app.penalize(now, windowNanos) : 0,
          tenantFull ? tenant.penalize(now, windowNanos) : 0);
    }
    double used = 0;
    if (app != null) {
      app.used++;
      used = app.share();
    }
    if (tenant != null) {
      tenant.used++;
      used = Math.max(used, tenant.share());
    }
    return new Decision(null, used, null);
  }

  private static Decision refused(long appLeft, long tenantLeft) {
    return tenantLeft >= appLeft
        ? new Decision(retryAfter(tenantLeft), 1.0, Scope.TENANT)
        : new Decision(retryAfter(appLeft), 1.0, Scope.APP);
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
