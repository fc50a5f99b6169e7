package org.settingsreconciler.graph;

/**
 * How requests go out. Graph's JSON batching carries at most {@value #MAX_BATCH} requests per round trip
 * (docs/graph-facts.md 9.1), so a batch size of 20 needs the fewest round trips; concurrency bounds how many round
 * trips
 * (batches or single requests) are in flight at once, so a big run is fast without flooding the service.
 *
 * @param batchSize requests per JSON batch, 1 to 20; 1 sends every request on its own
 * @param concurrency round trips in flight at once, at least 1
 */
public record Throughput(int batchSize, int concurrency) {

  public static final int MAX_BATCH = 20;

  /**
   * Round trips in flight by default. Graph's throttling limits are rates, per app and tenant; the only concurrency
   * limits it documents (4 requests at once) are for other services, per mailbox or per user's insights. Every
   * request of a batch counts against the rate on its own, and past it Retry-After pauses the whole client, so 8
   * batches of 20 (at most 160 requests in flight) only halve the round trips a large run waits on, compared with 4.
   */
  public static final int DEFAULT_CONCURRENCY = 8;

  public static final Throughput DEFAULT = new Throughput(MAX_BATCH, DEFAULT_CONCURRENCY);

  public static final int MAX_CONCURRENCY = 64;

  public Throughput {
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("the batch size must be 1 to " + MAX_BATCH + ", not " + batchSize);
    }
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "the concurrency must be 1 to " + MAX_CONCURRENCY + ", not " + concurrency);
    }
  }
}
