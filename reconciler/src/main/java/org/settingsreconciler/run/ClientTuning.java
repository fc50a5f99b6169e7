package org.settingsreconciler.run;

import java.time.Duration;
import java.util.Map;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.RatePolicy;
import org.settingsreconciler.graph.RetryPolicy;

/**
 * How patient the Graph client is: its timeout per round trip, its retry limits and the most requests it sends a
 * second, from the environment, for pipelines with a time budget (and tests that cannot wait a minute for a timeout),
 * and apps that share their tenant's budget with others. Unset variables keep the defaults: 60 s, 5 attempts, 120 s
 * of waiting in all, a first backoff of 1 s, and no ceiling on the rate.
 *
 * @param timeout {@value #TIMEOUT}: the longest wait for one round trip's whole answer
 * @param retry {@value #ATTEMPTS}, {@value #MAX_WAIT} and {@value #BACKOFF}
 * @param rate {@value #MAX_RATE}
 */
public record ClientTuning(Duration timeout, RetryPolicy retry, RatePolicy rate) {

  static final String TIMEOUT = "RECONCILER_HTTP_TIMEOUT_SECONDS";
  static final String ATTEMPTS = "RECONCILER_RETRY_ATTEMPTS";
  static final String MAX_WAIT = "RECONCILER_RETRY_MAX_WAIT_SECONDS";
  static final String BACKOFF = "RECONCILER_RETRY_BACKOFF_SECONDS";
  static final String MAX_RATE = "RECONCILER_MAX_REQUESTS_PER_SECOND";

  /** The highest ceiling that may be set: far above any rate Graph lets one app reach. */
  static final int MOST_REQUESTS_PER_SECOND = 100_000;

  /** @throws UserError when a variable is set to something that is not a sensible number */
  public static ClientTuning from(Map<String, String> env) {
    RetryPolicy d = RetryPolicy.DEFAULT;
    Duration timeout = seconds(env, TIMEOUT, GraphClient.DEFAULT_TIMEOUT, false);
    int attempts = d.maxAttempts();
    String a = env.get(ATTEMPTS);
    if (a != null && !a.isBlank()) {
      try {
        attempts = Integer.parseInt(a.strip());
      } catch (NumberFormatException e) {
        attempts = 0;
      }
      if (attempts < 1 || attempts > 20) {
        throw new UserError(ATTEMPTS + " must be a whole number from 1 to 20, not '" + a + "'");
      }
    }
    return new ClientTuning(timeout, new RetryPolicy(
        attempts, seconds(env, MAX_WAIT, d.maxTotalWait(), true), seconds(env, BACKOFF, d.firstBackoff(), true)),
        RatePolicy.DEFAULT.withCeiling(perSecond(env, MAX_RATE)));
  }

  /**
   * A number of requests a second from the environment (decimals allowed), or infinity when unset.
   *
   * @throws UserError when it is set to anything else
   */
  private static double perSecond(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return Double.POSITIVE_INFINITY;
    }
    double n;
    try {
      n = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      n = Double.NaN;
    }
    if (!(n >= RatePolicy.FLOOR && n <= MOST_REQUESTS_PER_SECOND)) {
      throw new UserError(name + " must be a number of requests a second from 1 to " + MOST_REQUESTS_PER_SECOND
          + ", such as 200, not '" + v + "'");
    }
    return n;
  }

  /**
   * A number of seconds from the environment (decimals allowed, at most an hour), or {@code otherwise} when unset.
   *
   * @throws UserError when it is set to anything else
   */
  public static Duration seconds(Map<String, String> env, String name, Duration otherwise, boolean zeroAllowed) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return otherwise;
    }
    double s = Double.NaN;
    // Digits with an optional fraction, as seconds are written: Java's own number syntax ("10d", "1f", "0x1p3",
    // "1e1") would take a day's "d" or a typo for seconds.
    if (v.strip().matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
      s = Double.parseDouble(v.strip());
    }
    if (Double.isNaN(s) || s < 0 || (s == 0 && !zeroAllowed) || s > 3600) {
      throw new UserError(name + " must be a number of seconds" + (zeroAllowed ? "" : " above 0")
          + " and at most 3600, such as 1.5, not '" + v + "'");
    }
    return Duration.ofMillis((long) Math.ceil(s * 1000));
  }
}
