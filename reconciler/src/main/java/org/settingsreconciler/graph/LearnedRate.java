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
  /**
   * Requests sent from this time on (nanoTime) that Graph answered without throttling: while the rate is unknown,
   * from the first request; once known, from when sending resumed after the last cut (see {@link #relearn}).
   */
  private long since;
  private long admitted;
  /**
   * Once the rate is known: the time since {@link #since} (nanoseconds) in which the workload sent nothing though the
   * rate allowed it (waiting on its own work, or between bulks). Graph's budget was not being spent then, so it is no
   * part of the time the requests let through are counted over.
   */
  private long idle;
  /**
   * After a throttle, until sending resumes: when (nanoTime) its Retry-After ends. The rate is worked out only then,
   * so that it counts the requests let through whose answers were still on their way.
   */
  private long firstResume;
  private boolean learning;
  /** When (nanoTime) the throttle being learned from came, for a known rate. */
  private long throttledAt;
  /**
   * While the rate is unknown, from Graph's first early warning until an answer comes without one (or a throttle):
   * one request at a time, so that no more go out on a budget Graph says is nearly spent.
   */
  private boolean probing;
  /** Requests sent and not yet answered. */
  private int inFlight;
  /** Whether any request was sent at this rate: a remembered rate this run never used teaches nothing new. */
  private boolean used;
  /**
   * The rate Graph last stopped this workload at (requests a second): what it was sent at when the last throttle cut
   * it, or what the first throttle measured; for a remembered rate, the rate remembered. Near it the rate grows slowly
   * (see {@link #growth}). NaN while there is none.
   */
  private double stoppedAt = Double.NaN;

  /** @param start the rate to start at: infinite for one still to learn */
  LearnedRate(RatePolicy policy, double start, long now) {
    this.policy = policy;
    this.perSecond = start;
    this.nextFree = now;
    this.lastCut = now;
    this.since = now;
  }

  /**
   * A rate an earlier run learned, paced to from the first request and then learned on as any known rate: a throttle
   * cuts it, successes raise it. (Learning it afresh from the first throttle would count the whole run's requests
   * over its whole time, pauses between its phases included, and so teach a rate far below what Graph allowed.)
   */
  static LearnedRate remembered(RatePolicy policy, double perSecond, long now) {
    LearnedRate r = new LearnedRate(policy, Math.min(policy.ceiling(), Math.max(RatePolicy.FLOOR, perSecond)), now);
    r.stoppedAt = r.perSecond; // an earlier run ended near what Graph let it send
    return r;
  }

  /** The share of {@link #stoppedAt} from which, up to its inverse, the rate grows by a tenth as much. */
  static final double NEAR = 0.95;

  /**
   * What one request answered at the rate adds to it: {@link RatePolicy#growthPerRequest()}, or a tenth of it within
   * {@link #NEAR} of the rate Graph last stopped the workload at (from 0.95 to 1/0.95 of it). Growing at full speed
   * into the rate Graph refused would meet the same throttle again within seconds, and each one costs the requests in
   * flight; a tenth of the growth (0.2% a second) gets there again after half a minute. Past the band the rate grows
   * as before, since the budget seems to have grown (another app of the tenant stopped, say).
   */
  private double growth() {
    double g = policy.growthPerRequest();
    boolean near = perSecond >= NEAR * stoppedAt && perSecond * NEAR <= stoppedAt; // false while stoppedAt is NaN
    return near ? g / 10 : g;
  }

  /**
   * What a later run may start at: the rate now, or {@link #NEAR} times the rate Graph last stopped the workload at
   * if that is more (a run that ended just after a throttle cut its rate to 0.9 of it, and starting there would spend
   * the next run's first minute growing back), never past the ceiling. Infinite while no rate is known.
   */
  double toRemember() {
    double near = Double.isNaN(stoppedAt) ? 0 : NEAR * stoppedAt;
    return Math.min(policy.ceiling(), Math.max(perSecond, near));
  }

  /** Whether this run sent anything at this rate. */
  boolean used() {
    return used;
  }

  /** The rate Graph last stopped this workload at: see {@link #stoppedAt}. NaN while there is none. */
  double stoppedAt() {
    return stoppedAt;
  }

  /** Requests a second; infinite while unknown, and while the first throttle's rate is still being counted. */
  double perSecond() {
    return perSecond;
  }

  long nextFree() {
    return nextFree;
  }

  boolean open(long now) {
    return now - nextFree >= 0 && !(probing && inFlight > 0);
  }

  /** Whether only one request may go at a time: see {@link #warned}. */
  boolean probing() {
    return probing;
  }

  /** One request's answer came (or its round trip ended without one). */
  void answered() {
    inFlight = Math.max(0, inFlight - 1);
  }

  /**
   * {@code count} requests leave now.
   *
   * @return whether they went as soon as the rate allowed: only then did the rate hold them back, and only then does
   *     their success say the rate may grow
   */
  boolean sent(int count, long now) {
    inFlight += count;
    used = true;
    if (learning && !Double.isInfinite(perSecond)) {
      learning = false;
      relearn();
    } else if (learning) {
      learning = false;
      if (admitted == 0) {
        since = firstResume; // nothing was let through, so there is no rate to learn: count again from here
      } else {
        double seconds = Math.max(1e-3, (firstResume - since) / 1e9);
        stoppedAt = admitted / seconds;
        perSecond = Math.min(policy.ceiling(), Math.max(RatePolicy.FIRST_FLOOR, policy.cut() * stoppedAt));
        countFrom(firstResume);
      }
    }
    if (Double.isInfinite(perSecond)) {
      return false;
    }
    long uses = (long) Math.ceil(count * 1e9 / perSecond);
    boolean paced = now - nextFree < uses;
    if (!paced) {
      idle += Math.max(0, now - Math.max(nextFree, since)); // free to send since then, and nothing was sent
    }
    // Sent as soon as allowed, give or take less than its own time (a thread woken late): the next may leave on the
    // schedule, so lateness is made up and the rate is kept, never passed. After a pause, the schedule starts anew.
    nextFree = (paced ? nextFree : now) + uses;
    return paced;
  }

  /**
   * Graph answered a request sent at {@code sentAt} without throttling it, at {@code now}; a success if
   * {@code success}, with an early warning if {@code warned} (see {@link #warned}); {@code probe} if it was sent
   * alone after a warning.
   *
   * @return whether this answer ended the probing after an early warning, so that the first rate is now known
   */
  boolean admitted(long sentAt, boolean paced, boolean probe, boolean success, boolean warned, long now) {
    if (sentAt - since >= 0) {
      admitted++;
    }
    if (probing && probe && !warned) {
      // Sent after the warning and answered without one: the budget has room again. What Graph let through from the
      // first request until now is the rate it tolerates, as a first throttle would teach.
      probing = false;
      double seconds = Math.max(1e-3, (now - since) / 1e9);
      stoppedAt = admitted / seconds;
      perSecond = Math.min(policy.ceiling(), Math.max(RatePolicy.FIRST_FLOOR, policy.cut() * stoppedAt));
      lastCut = now;
      countFrom(now);
      return true;
    }
    if (paced && success && !warned) {
      perSecond = Math.min(policy.ceiling(), perSecond + growth());
    }
    return false;
  }

  /**
   * Graph answered a request sent at {@code sentAt} and said the app has used more than 0.8 of its limit
   * ({@code x-ms-throttle-limit-percentage}): a throttle that has not happened yet. A known rate is cut as by a
   * throttle, at most once per round, but nothing pauses; an unknown one stops going at full speed: one request at a
   * time until an answer comes without the warning, which teaches the first rate (see {@link #admitted}), or until a
   * throttle does.
   *
   * @return whether the rate was cut, or probing began
   */
  boolean warned(long sentAt, long now) {
    if (learning || probing) {
      return false;
    }
    if (Double.isInfinite(perSecond)) {
      probing = true;
      return true;
    }
    if (sentAt - lastCut < 0) {
      return false;
    }
    stoppedAt = perSecond; // Graph said the budget is nearly spent at this rate
    perSecond = Math.max(RatePolicy.FLOOR, policy.cut() * perSecond);
    lastCut = now;
    countFrom(now);
    return true;
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
    probing = false; // a throttle says more than a warning: learn from it
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
      if (tooMany) {
        // Graph stopped it at this rate (only a 429 says so: a 503 or 504 says the service is busy, not where the
        // budget ends).
        stoppedAt = perSecond;
        // What Graph let through may say the budget shrank by more than a tenth: see relearn, once sending resumes.
        learning = true;
        firstResume = resume;
        throttledAt = now;
      } else {
        countFrom(resume);
      }
      perSecond = Math.min(policy.ceiling(), Math.max(RatePolicy.FLOOR, policy.cut() * perSecond));
    }
    lastCut = now;
    return true;
  }

  /** The most a single throttle cuts a known rate to, as a share of the rate it was sent at. */
  static final double MOST_CUT_TO = 0.5;

  /**
   * Sending resumes after a 429 of a known rate, which {@link #throttled} has cut by a tenth: if Graph let through less
   * than that rate, the budget has shrunk by more than a tenth (another app of the tenant began using it), and the
   * rate is cut to {@code cut} times what it let through instead, so that one throttle fits it under the new budget, not two or three, each
   * costing the requests in flight and a longer wait. What Graph let through is counted as for the first throttle:
   * the requests answered without throttling, sent since sending resumed after the last cut, over the time from then
   * until this Retry-After ended, less the time the workload sent nothing though it could ({@link #idle}). Only when
   * it sent for at least as long as it was then asked to wait: a throttle right after sending resumed counts a handful
   * of requests over a wait that says more about the penalty for throttling before (which repeated throttling
   * lengthens) than about the budget. Never below {@link #MOST_CUT_TO} of the rate it was sent at, nor the floor.
   */
  private void relearn() {
    long sending = throttledAt - since - idle;
    long span = firstResume - since - idle;
    double letThrough = span > 0 ? admitted / (span / 1e9) : Double.NaN;
    // Less than the cut rate: the budget shrank by more than a tenth. Otherwise the tenth is cut enough (the time
    // counted is rarely one of Graph's windows, so what it let through is a little below its budget even when that
    // did not change, and cutting to nine tenths of it would start every later run lower).
    if (admitted > 0 && sending >= firstResume - throttledAt && letThrough < perSecond) {
      perSecond = Math.min(policy.ceiling(),
          Math.max(RatePolicy.FLOOR, Math.max(MOST_CUT_TO * stoppedAt, policy.cut() * letThrough)));
      stoppedAt = Math.max(MOST_CUT_TO * stoppedAt, letThrough);
    }
    countFrom(firstResume);
  }

  /** What Graph lets through is counted again from {@code at} on. */
  private void countFrom(long at) {
    since = at;
    admitted = 0;
    idle = 0;
  }
}
