package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The throttle on its own clock: windows, the share used, and the penalty that grows with repeated throttling. */
class ThrottleTest {

  private static final long MS = 1_000_000;

  private final AtomicLong now = new AtomicLong(5_000 * MS);
  private final Throttle throttle = new Throttle(10, Duration.ofSeconds(1), now::get);

  private void use(String client, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(throttle.admit(client).admitted()).as("request %d of %s", i + 1, client).isTrue();
    }
  }

  @Test
  void eachAdmittedRequestSaysTheShareOfTheBudgetUsed() {
    use("a", 7);
    assertThat(throttle.admit("a").used()).isEqualTo(0.8);
    assertThat(throttle.admit("a").used()).isEqualTo(0.9);
  }

  @Test
  void pastTheBudgetTheWaitIsWhatIsLeftOfTheWindow() {
    use("a", 10);
    now.addAndGet(300 * MS);

    Throttle.Decision d = throttle.admit("a");

    assertThat(d.admitted()).isFalse();
    assertThat(d.retryAfter()).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void aClientThatWaitsAsAskedStartsAFreshWindow() {
    use("a", 10);
    Duration wait = throttle.admit("a").retryAfter();
    now.addAndGet(wait.toNanos());

    use("a", 10);
  }

  @Test
  void everyRequestDuringThePenaltyIsThrottledWithTheTimeLeft() {
    use("a", 10);
    throttle.admit("a");
    now.addAndGet(999 * MS);

    assertThat(throttle.admit("a").retryAfter()).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void throttledAgainRightAfterThePenaltyTheWaitGrowsByAWindowEachTime() {
    use("a", 10);
    assertThat(throttle.admit("a").retryAfter()).isEqualTo(Duration.ofSeconds(1));
    now.addAndGet(1_000 * MS);
    use("a", 10);
    assertThat(throttle.admit("a").retryAfter()).isEqualTo(Duration.ofSeconds(2));
    now.addAndGet(2_000 * MS);
    use("a", 10);
    assertThat(throttle.admit("a").retryAfter()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aWindowWithoutThrottlingClearsTheStrikes() {
    use("a", 10);
    throttle.admit("a");
    now.addAndGet(1_000 * MS);
    use("a", 5);
    now.addAndGet(1_000 * MS); // a quiet window: the client kept below its budget
    use("a", 10);

    assertThat(throttle.admit("a").retryAfter()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theBudgetIsPerClientAndSharedByAllOfItsRequests() {
    use("a", 10);

    assertThat(throttle.admit("a").admitted()).isFalse();
    use("b", 10);
  }
}
