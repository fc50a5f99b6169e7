package org.settingsreconciler.sandbox;

/**
 * What the sandbox has served since it started (or stats were reset), to measure a client's load.
 *
 * @param roundTrips HTTP requests received, batch envelopes included
 * @param batches {@code POST /$batch} envelopes
 * @param batchItems requests carried inside batches
 * @param throttled answers 429 because a client was past its budget, single requests and batch items alike
 * @param earlyRetries requests sent again (the same method, URL and body) before the Retry-After they were
 *     answered with had passed, by throttling or by an injected fault
 */
public record LoadStats(long roundTrips, long batches, long batchItems, long throttled, long earlyRetries) {

  /** Requests sent on their own, outside any batch. */
  public long singles() {
    return roundTrips - batches;
  }

  /** Every request Graph would count: singles plus batch items. */
  public long requests() {
    return singles() + batchItems;
  }
}
