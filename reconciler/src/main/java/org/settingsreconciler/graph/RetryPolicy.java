package org.settingsreconciler.graph;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again. Graph asks callers to wait for Retry-After on 429, and allows retries of 503 and
 * 504 (graph-api.md 9.2). Without a Retry-After the wait doubles, with jitter. Both the attempts and the total
 * wait are capped, so a throttled run ends with a clear error instead of hanging. The same rules hold for every
 * item of a JSON batch.
 */
public record RetryPolicy(int maxAttempts, Duration maxTotalWait, Duration firstBackoff) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(120), Duration.ofSeconds(1));

  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public static boolean retryableStatus(int status) {
    return status == 429 || status == 503 || status == 504;
  }

  /**
   * Whether a request answered with this status may be sent again. 429 and 503 say Graph did not do it. A 504 only
   * says the gateway gave up waiting: the write behind it may have happened, so only reads are repeated.
   */
  public static boolean repeatable(int status, boolean read) {
    return status == 429 || status == 503 || (status == 504 && read);
  }

  /** How long to wait before attempt {@code attempt + 1}: Retry-After if given (it may be a decimal), else backoff. */
  public Duration delay(int attempt, Optional<String> retryAfter) {
    if (retryAfter.isPresent()) {
      try {
        double seconds = Double.parseDouble(retryAfter.get().strip());
        if (seconds >= 0 && !Double.isNaN(seconds) && !Double.isInfinite(seconds)) {
          return Duration.ofMillis((long) Math.ceil(seconds * 1000));
        }
      } catch (NumberFormatException ignored) {
        // An HTTP date or garbage: fall back to backoff.
      }
    }
    long base = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
    long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
    return Duration.ofMillis(base + jitter);
  }
}
