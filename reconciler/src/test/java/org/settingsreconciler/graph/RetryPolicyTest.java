package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMillis(100));
  private static final Instant NOW = Instant.parse("2026-10-21T07:27:30Z");

  @Test
  void retryAfterMayBeADecimal() {
    assertThat(policy.delay(1, Optional.of("2.128"), NOW)).isEqualTo(Duration.ofMillis(2128));
    assertThat(policy.delay(3, Optional.of("0"), NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void withoutRetryAfterTheWaitDoublesWithJitter() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long base = 100L << (attempt - 1);
      Duration d = policy.delay(attempt, Optional.empty(), NOW);
      assertThat(d.toMillis()).isBetween(base, base + base / 2);
    }
    assertThat(policy.delay(2, Optional.of("soon, please"), NOW).toMillis()).isBetween(200L, 300L);
  }

  /** RFC 9110 allows a date: it counts from the local clock, in each of the three forms an HTTP date may take. */
  @Test
  void retryAfterMayBeAnHttpDate() {
    assertThat(policy.delay(1, Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"), NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(1, Optional.of("Wednesday, 21-Oct-26 07:28:00 GMT"), NOW))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(1, Optional.of("Wed Oct 21 07:28:00 2026"), NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.delay(1, Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"), NOW))
        .as("a date already past means at once").isEqualTo(Duration.ZERO);
    assertThat(policy.delay(1, Optional.of("Fri, 31 Dec 9999 23:59:59 GMT"), NOW))
        .as("far away, for the dispatcher to refuse against its wait limit").isGreaterThan(Duration.ofDays(365));
  }

  @Test
  void onlyThrottlingAndUnavailabilityAreRetried() {
    assertThat(RetryPolicy.retryableStatus(429)).isTrue();
    assertThat(RetryPolicy.retryableStatus(503)).isTrue();
    assertThat(RetryPolicy.retryableStatus(504)).isTrue();
    assertThat(RetryPolicy.retryableStatus(500)).isFalse();
    assertThat(RetryPolicy.retryableStatus(404)).isFalse();
  }
}
