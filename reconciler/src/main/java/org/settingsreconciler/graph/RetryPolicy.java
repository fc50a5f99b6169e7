package org.settingsreconciler.graph;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again. Graph asks callers to wait for Retry-After on 429, and allows retries of 503 and
 * 504 (docs/graph-facts.md 9.2). Without a Retry-After the wait doubles, with jitter. Both the attempts and the total
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

  /**
   * How long to wait before attempt {@code attempt + 1}: Retry-After if given, else backoff. Retry-After is a number
   * of seconds (it may be a decimal) or an HTTP date (RFC 9110 10.2.3), counted from {@code now} on the local clock; a
   * date already past means at once. Whichever it is, the dispatcher refuses a wait that would pass
   * {@link #maxTotalWait}, so a date an hour away ends the request as a number of 3600 would.
   */
  public Duration delay(int attempt, Optional<String> retryAfter, Instant now) {
    Optional<Duration> asked = retryAfter(retryAfter, now);
    if (asked.isPresent()) {
      return asked.get();
    }
    long base = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
    long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
    return Duration.ofMillis(base + jitter);
  }

  /** The wait a Retry-After value asks for, counted from {@code now}; empty when absent or neither form. */
  static Optional<Duration> retryAfter(Optional<String> value, Instant now) {
    return value.flatMap(v -> asked(v.strip(), now));
  }

  /** The three forms an HTTP date may take (RFC 9110 5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime. */
  private static final List<DateTimeFormatter> HTTP_DATES = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC),
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC));

  /** The wait a Retry-After value asks for, or empty when it is neither seconds nor an HTTP date (garbage). */
  private static Optional<Duration> asked(String value, Instant now) {
    try {
      double seconds = Double.parseDouble(value);
      if (seconds >= 0 && !Double.isNaN(seconds) && !Double.isInfinite(seconds)) {
        return Optional.of(Duration.ofMillis((long) Math.ceil(Math.min(seconds, 1e12) * 1000)));
      }
      return Optional.empty();
    } catch (NumberFormatException notSeconds) {
      // An HTTP date, perhaps.
    }
    for (DateTimeFormatter f : HTTP_DATES) {
      try {
        Duration until = Duration.between(now, ZonedDateTime.from(f.parse(value)).toInstant());
        // Whole milliseconds, rounded up, as waits are slept: never a moment before the date.
        return Optional.of(
            until.isNegative() ? Duration.ZERO : until.plusNanos(999_999).truncatedTo(ChronoUnit.MILLIS));
      } catch (DateTimeException notThisForm) {
        // Try the next form.
      }
    }
    return Optional.empty();
  }
}
