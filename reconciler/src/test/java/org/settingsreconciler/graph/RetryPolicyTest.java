package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMillis(100));

  @Test
  void retryAfterMayBeADecimal() {
    assertThat(policy.delay(1, Optional.of("2.128"))).isEqualTo(Duration.ofMillis(2128));
    assertThat(policy.delay(3, Optional.of("0"))).isEqualTo(Duration.ZERO);
  }

  @Test
  void withoutRetryAfterTheWaitDoublesWithJitter() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long base = 100L << (attempt - 1);
      Duration d = policy.delay(attempt, Optional.empty());
      assertThat(d.toMillis()).isBetween(base, base + base / 2);
    }
    assertThat(policy.delay(2, Optional.of("Wed, 21 Oct 2015 07:28:00 GMT")).toMillis()).isBetween(200L, 300L);
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
