package org.settingsreconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long apply keeps re-reading a write that does not show yet, and how it says so. */
class VerifyPolicyTest {

  @Test
  void theDefaultIsThreeReadsOverThreeSeconds() {
    VerifyPolicy p = VerifyPolicy.DEFAULT;

    assertThat(p.reads()).isEqualTo(3);
    assertThat(p.waitAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.waitAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.totalWait()).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.describe()).isEqualTo("3 reads over 3 s");
  }

  @Test
  void noWaitMeansOneRead() {
    VerifyPolicy p = VerifyPolicy.within(Duration.ZERO);

    assertThat(p.reads()).isEqualTo(1);
    assertThat(p.totalWait()).isZero();
    assertThat(p.describe()).isEqualTo("1 read");
  }

  @Test
  void shortWaitsAreSaidInMilliseconds() {
    assertThat(VerifyPolicy.within(Duration.ofMillis(30)).describe()).isEqualTo("3 reads over 30 ms");
  }
}
