package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of one workload's rate, on a clock that only moves when told (nanoseconds from 0). */
class LearnedRateTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private final LearnedRate rate = new LearnedRate(RatePolicy.DEFAULT, Double.POSITIVE_INFINITY, 0);

  /** {@code n} requests sent at {@code at}, each answered with a success. */
  private void admitted(int n, long at) {
    boolean paced = rate.sent(n, at);
    for (int i = 0; i < n; i++) {
      rate.answered();
      rate.admitted(at, paced, false, true, false, 0);
    }
  }

  @Test
  void untilGraphThrottlesNothingIsSpacedOut() {
    for (int i = 0; i < 100; i++) {
      assertThat(rate.open(0)).isTrue();
      admitted(20, 0);
    }
    assertThat(rate.perSecond()).isInfinite();
  }

  @Test
  void theFirstThrottleTeachesNineTenthsOfWhatGraphLetThroughUntilItsRetryAfterEnds() {
    admitted(400, 0);
    rate.sent(100, 100 * MS);

    // Thrown back at 200 ms until 1 s; 100 more answered late, from before the throttle, still count.
    assertThat(rate.throttled(100 * MS, true, Duration.ofMillis(800), 200 * MS)).isTrue();
    for (int i = 0; i < 100; i++) {
      rate.admitted(0, false, false, true, false, 0);
    }
    rate.sent(20, SECOND);

    // 500 let through from 0 until 1 s: 500 a second, and nine tenths of it.
    assertThat(rate.perSecond()).isCloseTo(450, within(1e-9));
  }

  @Test
  void theFirstRateCountsFromTheEarliestEndOfItsThrottlesRetryAfters() {
    admitted(450, 0);
    rate.throttled(0, true, Duration.ofMillis(900), 100 * MS); // until 1.0 s
    rate.throttled(0, true, Duration.ofMillis(850), 100 * MS); // answered later by Graph: until 0.95 s
    rate.throttled(0, true, Duration.ofMillis(900), 120 * MS); // until 1.02 s

    rate.sent(20, SECOND);

    assertThat(rate.perSecond()).isCloseTo(0.9 * 450 / 0.95, within(1e-9));
  }

  @Test
  void aFewRequestsTeachNoLessThanABatchASecond() {
    admitted(3, 0);
    rate.throttled(0, true, Duration.ofSeconds(2), 50 * MS);
    rate.sent(1, 3 * SECOND);

    assertThat(rate.perSecond()).isEqualTo(RatePolicy.FIRST_FLOOR);
  }

  @Test
  void aThrottleBeforeAnythingWasLetThroughTeachesNothing() {
    rate.sent(20, 0);
    rate.throttled(0, true, Duration.ofSeconds(1), 10 * MS);
    rate.sent(20, SECOND);

    assertThat(rate.perSecond()).isInfinite();
  }

  @Test
  void answersLetThroughThatComeAfterTheFirstThrottleCountToo() {
    rate.sent(200, 0);
    rate.throttled(0, true, Duration.ofSeconds(1), 0); // the first answer to come is a throttle
    for (int i = 0; i < 100; i++) {
      rate.admitted(0, false, false, true, false, 0);
    }
    rate.sent(20, SECOND);

    assertThat(rate.perSecond()).isCloseTo(90, within(1e-9));
  }

  @Test
  void anUnavailableServiceTeachesNoRate() {
    admitted(100, 0);
    assertThat(rate.throttled(0, false, Duration.ofSeconds(1), 10 * MS)).isFalse();
    rate.sent(20, 2 * SECOND);

    assertThat(rate.perSecond()).isInfinite();
  }

  @Test
  void anUnavailableServiceThatAsksForAWaitCutsAKnownRate() {
    learn450();
    rate.sent(20, 3 * SECOND);

    assertThat(rate.throttled(3 * SECOND, false, Duration.ofSeconds(1), 3 * SECOND + 50 * MS)).isTrue();
    assertThat(rate.perSecond()).isCloseTo(405, within(1e-9));
  }

  /** 500 requests let through from 0 until a Retry-After that ends at 1 s: the rate is 450 once sending resumes. */
  private void learn450() {
    for (int i = 0; i < 500; i++) {
      rate.admitted(0, false, false, true, false, 0);
    }
    rate.throttled(0, true, Duration.ofMillis(900), 100 * MS);
  }

  @Test
  void requestsAlreadyOnTheirWayWhenTheRateWasCutAreTheSameThrottling() {
    admitted(500, 0);
    rate.throttled(0, true, Duration.ofMillis(900), 100 * MS);
    rate.sent(20, SECOND);
    double learned = rate.perSecond();

    // Sent before the cut, answered after it: no second cut.
    assertThat(rate.throttled(50 * MS, true, Duration.ofMillis(900), 1100 * MS)).isFalse();
    assertThat(rate.perSecond()).isEqualTo(learned);

    // Sent at the learned rate and throttled again: a second cut, once.
    rate.sent(20, 1200 * MS);
    assertThat(rate.throttled(1200 * MS, true, Duration.ofMillis(100), 1300 * MS)).isTrue();
    assertThat(rate.throttled(1200 * MS, true, Duration.ofMillis(100), 1310 * MS)).isFalse();
    assertThat(rate.perSecond()).isCloseTo(0.9 * learned, within(1e-9));
  }

  @Test
  void cutsStopAtTheFloor() {
    admitted(500, 0);
    rate.throttled(0, true, Duration.ofMillis(900), 100 * MS);
    long t = SECOND;
    for (int i = 0; i < 200; i++) {
      rate.sent(1, t);
      rate.throttled(t, true, null, t + MS);
      t += 2 * MS;
    }
    assertThat(rate.perSecond()).isEqualTo(RatePolicy.FLOOR);
  }

  @Test
  void aRoundTripOfKRequestsUsesKOverTheRateOfTheNextOnesTime() {
    learn450();
    long t = 2 * SECOND;
    assertThat(rate.open(t)).isTrue();
    rate.sent(45, t); // 45 at 450 a second: 100 ms
    assertThat(rate.perSecond()).isEqualTo(450);

    assertThat(rate.open(t + 99 * MS)).isFalse();
    assertThat(rate.open(t + 100 * MS)).isTrue();
    assertThat(rate.nextFree()).isEqualTo(t + 100 * MS);
  }

  @Test
  void aRoundTripThatLeftALittleLateDoesNotDelayTheNextButOneAfterAPauseStartsAnew() {
    learn450();
    long t = 2 * SECOND;
    rate.sent(45, t); // due again at 2.1 s
    assertThat(rate.sent(45, t + 130 * MS)).as("30 ms late: sent at the rate").isTrue();
    assertThat(rate.nextFree()).isEqualTo(t + 200 * MS);

    assertThat(rate.sent(45, t + 500 * MS)).as("300 ms late: after a pause").isFalse();
    assertThat(rate.nextFree()).isEqualTo(t + 600 * MS);
  }

  @Test
  void aSecondOfSendingAtTheRateRaisesItByTwoPercent() {
    learn450();
    long t = 2 * SECOND;
    rate.sent(1, t); // after a pause: the rate held nothing back, so its answer raises nothing
    rate.admitted(t, false, false, true, false, 0);
    double start = rate.perSecond();
    assertThat(start).isEqualTo(450);
    // One second's worth, each round trip sent the moment the rate allows it.
    for (int sent = 0; sent < 450; sent += 10) {
      t = rate.nextFree();
      boolean paced = rate.sent(10, t);
      assertThat(paced).isTrue();
      for (int i = 0; i < 10; i++) {
        rate.admitted(t, paced, false, true, false, 0);
      }
    }
    assertThat(rate.perSecond()).isCloseTo(450 * 1.02, within(0.5));

    // Answers that are not successes, or requests the rate did not hold back, raise nothing.
    double now = rate.perSecond();
    rate.admitted(t, true, false, false, false, 0);
    rate.admitted(t, false, false, true, false, 0);
    assertThat(rate.perSecond()).isEqualTo(now);
  }

  /** Sends at {@code r}'s rate, each round trip of 10 the moment it may leave, every answer a success, from {@code t}. */
  private static long sendAtTheRate(LearnedRate r, long t, double seconds) {
    long end = t + (long) (seconds * SECOND);
    while (r.nextFree() - end < 0) {
      t = Math.max(t, r.nextFree());
      boolean paced = r.sent(10, t);
      for (int i = 0; i < 10; i++) {
        r.answered();
        r.admitted(t, paced, false, true, false, t);
      }
    }
    return t;
  }

  @Test
  void nearTheRateGraphLastStoppedItAtTheRateGrowsATenthAsFastAndPastItAsBefore() {
    learn450();
    rate.sent(1, SECOND); // the first rate is worked out as sending resumes
    assertThat(rate.stoppedAt()).as("500 let through in the first second").isCloseTo(500, within(1e-9));
    long t = 2 * SECOND;

    // Below 0.95 of 500, 2% a second: from 450 to 468 in 2 seconds, past 475 in the third.
    t = sendAtTheRate(rate, t, 2);
    assertThat(rate.perSecond()).isCloseTo(450 * 1.02 * 1.02, within(2.0));
    t = sendAtTheRate(rate, t, 1);
    assertThat(rate.perSecond()).isGreaterThanOrEqualTo(475);

    // From 475 on, a tenth of that: 0.2% a second, so that 500 comes again after some 25 seconds, not 2.5.
    double near = rate.perSecond();
    t = sendAtTheRate(rate, t, 10);
    assertThat(rate.perSecond()).isCloseTo(near * Math.pow(1.002, 10), within(1.0)).isLessThan(500);

    // Past 500 / 0.95 without a throttle, the budget has grown: 2% a second again.
    int seconds = 0;
    while (rate.perSecond() <= 500 / LearnedRate.NEAR && seconds++ < 60) {
      t = sendAtTheRate(rate, t, 1);
    }
    assertThat(seconds).as("seconds from %.1f to past 526 a second", near).isBetween(30, 50);
    double past = rate.perSecond();
    sendAtTheRate(rate, t, 1);
    assertThat(rate.perSecond()).isCloseTo(past * 1.02, within(1.0));
  }

  @Test
  void eachLaterThrottleMovesTheRateGrowthSlowsNear() {
    learn450();
    rate.sent(1, SECOND);
    long t = sendAtTheRate(rate, 2 * SECOND, 1);
    double before = rate.perSecond();
    rate.sent(10, t + SECOND);
    assertThat(rate.throttled(t + SECOND, true, Duration.ofMillis(100), t + SECOND + MS)).isTrue();

    assertThat(rate.stoppedAt()).isEqualTo(before);
    assertThat(rate.perSecond()).isCloseTo(0.9 * before, within(1e-9));

    // A 503 with a Retry-After cuts too, but says nothing of where the budget ends.
    long later = t + 5 * SECOND;
    rate.sent(10, later);
    double stopped = rate.stoppedAt(); // as the 429's Retry-After ended (see aShrunkBudgetIsFittedInOneThrottle)
    assertThat(rate.throttled(later, false, Duration.ofMillis(100), later + MS)).isTrue();
    rate.sent(10, later + SECOND);
    assertThat(rate.stoppedAt()).isEqualTo(stopped);
  }

  @Test
  void aLaterRunStartsAtTheRateNowOrNearWhereGraphLastStoppedThisOneWhicheverIsMore() {
    learn450();
    rate.sent(1, SECOND);
    assertThat(rate.perSecond()).isEqualTo(450);
    assertThat(rate.toRemember()).as("0.95 of the 500 Graph let through").isCloseTo(475, within(1e-9));

    long t = sendAtTheRate(rate, 2 * SECOND, 20);
    assertThat(rate.perSecond()).isGreaterThan(475);
    assertThat(rate.toRemember()).isEqualTo(rate.perSecond());

    LearnedRate capped = new LearnedRate(RatePolicy.DEFAULT.withCeiling(300), Double.POSITIVE_INFINITY, 0);
    for (int i = 0; i < 500; i++) {
      capped.admitted(0, false, false, true, false, 0);
    }
    capped.throttled(0, true, Duration.ofMillis(900), 100 * MS);
    capped.sent(20, t);
    assertThat(capped.toRemember()).isEqualTo(300);
  }

  @Test
  void aRememberedRateStartsNearWhereGraphStoppedTheEarlierRun() {
    LearnedRate remembered = LearnedRate.remembered(RatePolicy.DEFAULT, 400, 0);
    assertThat(remembered.stoppedAt()).isEqualTo(400);
    sendAtTheRate(remembered, 0, 10);
    assertThat(remembered.perSecond()).isCloseTo(400 * Math.pow(1.002, 10), within(1.0));
  }

  @Test
  void aRateStartedAtTheCeilingSpacesRequestsFromTheFirstAndNeverGrowsPastIt() {
    LearnedRate capped = new LearnedRate(RatePolicy.DEFAULT.withCeiling(40), 40, 0);
    capped.sent(20, 0);
    assertThat(capped.open(499 * MS)).isFalse();
    assertThat(capped.open(500 * MS)).isTrue();
    for (int i = 0; i < 1000; i++) {
      capped.admitted(0, true, false, true, false, 0);
    }
    assertThat(capped.perSecond()).isEqualTo(40);
  }

  @Test
  void aLearnedRateNeverPassesTheCeiling() {
    LearnedRate capped = new LearnedRate(RatePolicy.DEFAULT.withCeiling(40), Double.POSITIVE_INFINITY, 0);
    for (int i = 0; i < 500; i++) {
      capped.admitted(0, false, false, true, false, 0);
    }
    capped.throttled(0, true, Duration.ofMillis(900), 100 * MS);
    capped.sent(20, SECOND);

    assertThat(capped.perSecond()).isEqualTo(40);
  }

  @Test
  void anEarlyWarningBeforeAnyThrottleLetsOneRequestGoAtATimeUntilAnAnswerComesWithoutIt() {
    admitted(400, 0);
    rate.sent(80, 100 * MS);
    for (int i = 0; i < 80; i++) {
      rate.answered();
      rate.admitted(100 * MS, false, false, true, true, 150 * MS);
    }
    assertThat(rate.warned(100 * MS, 150 * MS)).isTrue();
    assertThat(rate.probing()).isTrue();

    // One probe at a time: the next waits for its answer, however long the rate would allow.
    rate.sent(1, 150 * MS);
    assertThat(rate.open(SECOND)).isFalse();
    rate.answered();
    assertThat(rate.admitted(150 * MS, false, true, true, true, 200 * MS)).as("still warned").isFalse();
    assertThat(rate.open(200 * MS)).isTrue();
    rate.sent(1, 900 * MS);
    rate.answered();

    // Answered without the warning at 1 s: 482 let through from 0 until then, nine tenths of it a second.
    assertThat(rate.admitted(900 * MS, false, true, true, false, SECOND)).isTrue();
    assertThat(rate.probing()).isFalse();
    assertThat(rate.perSecond()).isCloseTo(0.9 * 482, within(1e-9));
  }

  @Test
  void answersSentBeforeTheWarningDoNotEndTheProbing() {
    admitted(400, 0);
    rate.warned(0, 100 * MS);

    assertThat(rate.admitted(0, false, false, true, false, 120 * MS)).isFalse();
    assertThat(rate.probing()).isTrue();
  }

  @Test
  void aThrottleWhileProbingTeachesTheFirstRateAsAnyFirstThrottleDoes() {
    admitted(450, 0);
    rate.warned(0, 100 * MS);
    rate.sent(1, 100 * MS);
    rate.answered();
    rate.throttled(100 * MS, true, Duration.ofMillis(850), 150 * MS); // until 1 s

    assertThat(rate.probing()).isFalse();
    rate.sent(20, SECOND);
    assertThat(rate.perSecond()).isCloseTo(0.9 * 450, within(1e-9));
  }

  @Test
  void anEarlyWarningCutsAKnownRateOncePerRoundAndWarnedAnswersRaiseNothing() {
    learn450();
    rate.sent(20, SECOND);
    assertThat(rate.perSecond()).isEqualTo(450);

    assertThat(rate.warned(SECOND, SECOND + 50 * MS)).isTrue();
    assertThat(rate.perSecond()).isCloseTo(405, within(1e-9));
    // Its round's other warnings, sent before the cut, are the same warning.
    assertThat(rate.warned(SECOND, SECOND + 60 * MS)).isFalse();
    rate.admitted(SECOND, true, false, true, true, SECOND + 60 * MS);
    assertThat(rate.perSecond()).isCloseTo(405, within(1e-9));
    assertThat(rate.probing()).isFalse();
  }

  @Test
  void aRememberedRateSpacesRequestsFromTheFirstAndAThrottleCutsItByATenth() {
    LearnedRate remembered = LearnedRate.remembered(RatePolicy.DEFAULT, 400, 0);
    remembered.sent(20, 0);
    assertThat(remembered.open(49 * MS)).isFalse();
    assertThat(remembered.open(50 * MS)).isTrue();

    remembered.answered();
    assertThat(remembered.throttled(0, true, Duration.ofMillis(500), 60 * MS)).isTrue();
    remembered.sent(20, 560 * MS);

    assertThat(remembered.perSecond()).isCloseTo(360, within(1e-9));
  }

  /**
   * {@code batches} round trips of 20 sent at the rate from {@code t} (or when it next allows), each answered with a
   * success at once. Returns when the next may leave.
   */
  private static long sendBatchesAtTheRate(LearnedRate r, long t, int batches) {
    for (int i = 0; i < batches; i++) {
      t = Math.max(t, r.nextFree());
      boolean paced = r.sent(20, t);
      for (int j = 0; j < 20; j++) {
        r.answered();
        r.admitted(t, paced, false, true, false, t);
      }
    }
    return r.nextFree();
  }

  @Test
  void aShrunkBudgetIsFittedInOneThrottle() {
    // Remembered at 480 a second, but another app now takes part of the budget: Graph lets 400 through in 0.9 s,
    // throttles the next round trip and asks to wait until 1 s.
    LearnedRate shrunk = LearnedRate.remembered(RatePolicy.DEFAULT, 480, 0);
    long next = sendBatchesAtTheRate(shrunk, 0, 20);
    shrunk.sent(20, next);
    assertThat(shrunk.throttled(next, true, Duration.ofMillis(100), 900 * MS)).isTrue();
    shrunk.sent(20, SECOND);

    // 400 let through in the second until the Retry-After ended: nine tenths of that, not of 480 (432, still too fast).
    assertThat(shrunk.perSecond()).isCloseTo(360, within(1e-9));
    assertThat(shrunk.stoppedAt()).isCloseTo(400, within(1e-9));
  }

  @Test
  void oneThrottleCutsAKnownRateToHalfOfItAtMost() {
    LearnedRate shrunk = LearnedRate.remembered(RatePolicy.DEFAULT, 480, 0);
    long next = sendBatchesAtTheRate(shrunk, 0, 5); // 100 let through, then a wait as long as the sending
    shrunk.sent(20, next);
    double sentAt = shrunk.perSecond();
    shrunk.throttled(next, true, Duration.ofMillis(500), 500 * MS);
    shrunk.sent(20, SECOND);

    // 100 let through in a second would teach 90 a second.
    assertThat(shrunk.perSecond()).isCloseTo(0.5 * sentAt, within(1e-9));
  }

  @Test
  void timeTheWorkloadSentNothingInIsNotCountedAsTimeGraphLetItThrough() {
    // The same 480 requests at 480 a second and the same throttle, once in one go, once with ten seconds between
    // halves (an apply's reads, then its writes): Graph let as many through in as much sending time.
    LearnedRate steady = LearnedRate.remembered(RatePolicy.DEFAULT, 480, 0);
    long end = sendBatchesAtTheRate(steady, 0, 24);
    steady.sent(20, end);
    steady.throttled(end, true, Duration.ofMillis(100), end + 50 * MS);
    steady.sent(20, end + 150 * MS);

    LearnedRate paused = LearnedRate.remembered(RatePolicy.DEFAULT, 480, 0);
    long half = sendBatchesAtTheRate(paused, 0, 12);
    long resumed = half + 10 * SECOND;
    long end2 = sendBatchesAtTheRate(paused, resumed, 12);
    paused.sent(20, end2);
    paused.throttled(end2, true, Duration.ofMillis(100), end2 + 50 * MS);
    paused.sent(20, end2 + 150 * MS);

    // 480 over the 1 s sent and the 0.15 s until the Retry-After ended, nine tenths of it; counting the ten idle
    // seconds would have cut it to half.
    assertThat(steady.perSecond()).isCloseTo(0.9 * 480 / 1.15, within(0.5));
    assertThat(paused.perSecond()).isCloseTo(steady.perSecond(), within(0.5));
  }

  @Test
  void aThrottleRightAfterSendingResumesCutsByATenthOnly() {
    LearnedRate shrunk = LearnedRate.remembered(RatePolicy.DEFAULT, 480, 0);
    long next = sendBatchesAtTheRate(shrunk, 0, 20);
    shrunk.sent(20, next);
    shrunk.throttled(next, true, Duration.ofMillis(100), 900 * MS);
    sendBatchesAtTheRate(shrunk, SECOND, 1); // resumes at 360 a second, one round trip let through
    double resumedAt = shrunk.perSecond();

    // Throttled again 100 ms later and asked to wait a second (Graph lengthens the penalty for throttling again): 20
    // let through over 1.1 s says more about the penalty than the budget.
    shrunk.sent(20, shrunk.nextFree());
    assertThat(shrunk.throttled(1060 * MS, true, Duration.ofSeconds(1), 1100 * MS)).isTrue();
    shrunk.sent(20, 2100 * MS);

    assertThat(shrunk.perSecond()).isCloseTo(0.9 * resumedAt, within(1e-9));
  }
}
