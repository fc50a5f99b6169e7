package org.settingsreconciler.graph;

/**
 * How fast the client sends once Graph has throttled it. Graph's limits are rates per app and tenant, shared with every
 * other app in the tenant, and it documents none for the settings this tool manages; running into them costs every
 * app a Retry-After, and repeated throttling lengthens it (docs/graph-facts.md 9.2). So the client learns a rate per
 * workload from Graph's answers and spaces requests out below it, every batch item counted as a request (see
 * {@link Pacer}):
 *
 * <ul>
 *   <li>Until the first throttle or early warning the rate is unknown and nothing is spaced out, unless an earlier run
 *       remembered one ({@link GraphClient#startAt}), which is then paced to from the first request and learned on as
 *       any known rate.
 *   <li>An early warning ({@code x-ms-throttle-limit-percentage}, which Graph's identity and access service sends once
 *       an app has used more than 0.8 of its limit: concepts/throttling-limits.md) sends an unknown rate's requests one
 *       at a time until an answer comes without it, which teaches the first rate as a first throttle would, from the
 *       requests let through until then; it cuts a known rate by {@code cut}, at most once per round, without a pause;
 *       warned answers raise nothing.
 *   <li>The first {@code 429} sets it to {@code cut} times the rate Graph let through: the requests it answered
 *       without throttling since the first one was sent, over the time from then until its Retry-After ends. At
 *       least {@link #FIRST_FLOOR} a second: a few requests say little about a rate.
 *   <li>Each later {@code 429}, or {@code 503}/{@code 504} with a Retry-After, multiplies it by {@code cut}, at most
 *       once per round of requests sent at the rate in force (the requests already on their way when it was cut are
 *       answered by the same throttling), and never below {@link #FLOOR}. A {@code 429} cuts it further, to
 *       {@code cut} times what Graph let through since sending last resumed (idle time left out), if that is less than
 *       the rate cut, but never below half the rate it was sent at ({@link LearnedRate#MOST_CUT_TO}): a budget that
 *       shrank by more than a tenth is fitted in one throttle.
 *   <li>Each request that goes as soon as the rate allows and is answered with a success raises it, so that sending
 *       at it for a second without throttling raises it by {@code growth}, a tenth of that near the rate Graph last
 *       stopped it at ({@link LearnedRate#NEAR}); it never passes {@code ceiling}.
 *   <li>{@code ceiling} also spaces out all the client's requests together, throttled or not: for an app that shares
 *       its tenant's budget with others.
 * </ul>
 *
 * @param ceiling the most requests a second, all workloads together; infinite for none
 * @param cut what a throttle multiplies the rate by, above 0 and below 1
 * @param growth how much a second of sending at the rate without throttling raises it (0.02: 2%), 0 to 1
 */
public record RatePolicy(double ceiling, double cut, double growth) {

  /** Requests a second the first rate learned is at least: one full batch. */
  public static final double FIRST_FLOOR = Throughput.MAX_BATCH;

  /** Requests a second the rate never goes below. */
  public static final double FLOOR = 1;

  public static final RatePolicy DEFAULT = new RatePolicy(Double.POSITIVE_INFINITY, 0.9, 0.02);

  public RatePolicy {
    if (!(ceiling >= FLOOR)) {
      throw new IllegalArgumentException("the ceiling must be at least " + FLOOR + " request a second, not " + ceiling);
    }
    if (!(cut > 0 && cut < 1)) {
      throw new IllegalArgumentException("the cut must be above 0 and below 1, not " + cut);
    }
    if (!(growth >= 0 && growth <= 1)) {
      throw new IllegalArgumentException("the growth must be 0 to 1, not " + growth);
    }
  }

  /** The same policy with another ceiling. */
  public RatePolicy withCeiling(double perSecond) {
    return new RatePolicy(perSecond, cut, growth);
  }

  /**
   * What one request answered at the rate adds to it, in requests a second: a second at rate r answers r requests, and
   * raises r by a factor of {@code 1 + growth} when each adds {@code ln(1 + growth)}.
   */
  double growthPerRequest() {
    return Math.log1p(growth);
  }
}
