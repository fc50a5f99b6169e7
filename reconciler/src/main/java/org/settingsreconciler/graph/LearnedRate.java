package org.settingsreconciler.graph;

import java.time.Duration;

/**
 * The rate one workload of one client sends at, as {@link RatePolicy} learns it, and the spacing that keeps to it: a
 * round trip of k requests uses k / rate seconds, and the next round trip may leave once that time has passed (counted
 * from when this one was due, if it left late by less than that). So at most one round trip goes at once after a
 * pause, and in any stretch of time the requests sent exceed the rate by at most one round trip's. Not thread-safe: {@link Pacer} holds the lock.
 */
final class LearnedRate {

  private final RatePolicy policy;
  /** Requests a second; infinite while no throttle has taught one. */
  private double perSecond;
  /** When (nanoTime) the next round trip may leave. */
  private long nextFree;
  /** A throttle of a request sent before this (nanoTime) is one already acted on. */
  private long lastCut;
  /** While the rate is unknown: requests sent from this time on (nanoTime) that Graph answered without throttling. */
  private long since;
  private long admitted;
  /**
   * After the first throttle, until sending resumes: when (nanoTime) its Retry-After ends. The first rate is worked
   * out only then, so that it counts the requests let through whose answers were still on their way.
   */
  private long firstResume;
  private boolean learning;

  /** @param start the rate to start at: infinite for one still to learn */
  LearnedRate(RatePolicy policy, double start, long now) {
    this.policy = policy;
    this.perSecond = start;
    this.nextFree = now;
    this.lastCut = now;
    this.since = now;
  }

  /** Requests a second; infinite while unknown, and while the first throttle's rate is still being counted. */
  double perSecond() {
    return perSecond;
  }

  long nextFree() {
    return nextFree;
  }

  boolean open(long now) {
    return now - nextFree >= 0;
  }

  /**
   * {@code count} requests leave now.
   *
   * @return whether they went as soon as the rate allowed: only then did the rate hold them back, and only then does
   *     their success say the rate may grow
   */
  boolean sent(int count, long now) {
    if (learning) {
      learning = false;
      if (admitted == 0) {
        since = firstResume; // nothing was let through, so there is no rate to learn: count again from here
      } else {
        double seconds = Math.max(1e-3, (firstResume - since) / 1e9);
        perSecond = Math.min(policy.ceiling(), Math.max(RatePolicy.FIRST_FLOOR, policy.cut() * admitted / seconds));
      }
    }
    if (Double.isInfinite(perSecond)) {
      return false;
    }
    long uses = (long) Math.ceil(count * 1e9 / perSecond);
    boolean paced = now - nextFree < uses;
    // Sent as soon as allowed, give or take less than its own time (a thread woken late): the next may leave on the
    // schedule, so lateness is made up and the rate is kept, never passed. After a pause, the schedule starts anew.
    nextFree = (paced ? nextFree : now) + uses;
    return paced;
  }

  /** Graph answered a request sent at {@code sentAt} without throttling it; a success if {@code success}. */
  void admitted(long sentAt, boolean paced, boolean success) {
    if (sentAt - since >= 0) {
      admitted++;
    }
    if (paced && success) {
      perSecond = Math.min(policy.ceiling(), perSecond + policy.growthPerRequest());
    }
  }

  /**
   * Graph throttled a request sent at {@code sentAt}.
   *
   * @param tooMany a 429 (the others are 503 or 504 with a Retry-After: they cut a known rate, but say nothing of one)
   * @param retryAfter how long Graph asked to wait, or null when it did not say
   * @return whether the rate was cut, or the first rate is being learned
   */
  boolean throttled(long sentAt, boolean tooMany, Duration retryAfter, long now) {
    long resume = now + (retryAfter == null ? 0 : retryAfter.toNanos());
    if (learning) {
      // The first throttle's own requests. Each answer comes a little after Graph sent it, so the earliest end of
      // their Retry-After is nearest to when Graph lets requests through again.
      if (retryAfter != null && resume - firstResume < 0) {
        firstResume = resume;
      }
      return false;
    }
    if (sentAt - lastCut < 0) {
      return false; // on its way before the last cut: the same throttling, already acted on
    }
    if (Double.isInfinite(perSecond)) {
      if (!tooMany) {
        // Unavailable, not too fast: no rate to learn from. Count again from when sending resumes.
        since = resume;
        admitted = 0;
        return false;
      }
      // The rate Graph let through: the requests it answered without throttling since the first was sent, over the
      // time from then until the throttle ends. Worked out when sending resumes (see sent), so that the answers of
      // requests sent before the throttle that come after it count too.
      learning = true;
      firstResume = resume;
    } else {
      perSecond = Math.min(policy.ceiling(), Math.max(RatePolicy.FLOOR, policy.cut() * perSecond));
    }
    lastCut = now;
    return true;
  }
}
