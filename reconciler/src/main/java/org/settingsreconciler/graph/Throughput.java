package org.settingsreconciler.graph;

/**
 * How requests go out. Graph's JSON batching carries at most {@value #MAX_BATCH} requests per round trip
 * (graph-api.md 9.1), so a batch size of 20 needs the fewest round trips; concurrency bounds how many round trips
 * (batches or single requests) are in flight at once, so a big run is fast without flooding the service.
 *
 * @param batchSize requests per JSON batch, 1 to 20; 1 sends every request on its own
 * @param concurrency round trips in flight at once, at least 1
 */
public record Throughput(int batchSize, int concurrency) {

  public static final int MAX_BATCH = 20;

  /** Most Graph clients run a handful of requests at once; 4 batches of 20 is 80 requests per round trip. */
  public static final Throughput DEFAULT = new Throughput(MAX_BATCH, 4);

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
