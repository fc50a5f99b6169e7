package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.Throttle.Decision;
import org.settingsreconciler.sandbox.Throttle.Scope;

/**
 * The throttle's budget shared by every client of the tenant, beside each client's own, on the throttle's own clock:
 * 10 requests per client and 15 for the tenant per second.
 */
class TenantBudgetTest {

  private static final long MS = 1_000_000;

  private final AtomicLong now = new AtomicLong(5_000 * MS);
  private final Throttle throttle = new Throttle(10, 15, Duration.ofSeconds(1), now::get);

  private void use(String client, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(throttle.admit(client).admitted()).as("request %d of %s", i + 1, client).isTrue();
    }
  }

  private void refused(String client, Scope scope, Duration wait) {
    Decision d = throttle.admit(client);
    assertThat(d.admitted()).as("%s admitted", client).isFalse();
    assertThat(d.scope()).as("scope refusing %s", client).isEqualTo(scope);
    assertThat(d.retryAfter()).as("wait of %s", client).isEqualTo(wait);
  }

  @Test
  void oneClientsUseLeavesTheOtherLess() {
    use("a", 8);

    use("b", 7);
    refused("b", Scope.TENANT, Duration.ofSeconds(1)); // b has used 7 of its own 10
  }

  @Test
  void theTenantScopeRefusesEveryClientWithTheTimeLeftInTheTenantsWindow() {
    use("a", 8);
    now.addAndGet(300 * MS);
    use("b", 7);
    now.addAndGet(200 * MS);

    refused("b", Scope.TENANT, Duration.ofMillis(500));
    refused("a", Scope.TENANT, Duration.ofMillis(500));
    refused("c", Scope.TENANT, Duration.ofMillis(500)); // a client never seen before too
    now.addAndGet(100 * MS);
    refused("c", Scope.TENANT, Duration.ofMillis(400));
  }

  @Test
  void refusedRequestsUseNoBudgetOfEither() {
    use("a", 8);
    use("b", 7);
    for (int i = 0; i < 3; i++) {
      refused("b", Scope.TENANT, Duration.ofSeconds(1));
    }
    now.addAndGet(1_000 * MS);

    // b's own window is not over: its 7 and 3 more fill it only if the 3 refusals counted for nothing.
    use("b", 3);
    use("a", 8);
  }

  @Test
  void thrownOutAgainRightAfterItsPenaltyTheTenantWaitsAWindowLongerEachTime() {
    use("a", 8);
    use("b", 7);
    refused("a", Scope.TENANT, Duration.ofSeconds(1));
    now.addAndGet(1_000 * MS);
    use("a", 8);
    use("b", 7);
    refused("b", Scope.TENANT, Duration.ofSeconds(2));
    refused("a", Scope.TENANT, Duration.ofSeconds(2));
    now.addAndGet(2_000 * MS);
    use("b", 7);
    use("a", 8);
    refused("c", Scope.TENANT, Duration.ofSeconds(3));
  }

  @Test
  void aWindowWithoutThrottlingClearsTheTenantsStrikes() {
    use("a", 8);
    use("b", 7);
    refused("a", Scope.TENANT, Duration.ofSeconds(1));
    now.addAndGet(1_000 * MS);
    use("a", 5);
    now.addAndGet(1_000 * MS); // a quiet window: the tenant kept below its budget
    use("a", 8);
    use("b", 7);

    refused("b", Scope.TENANT, Duration.ofSeconds(1));
  }

  @Test
  void aClientPastItsOwnBudgetIsRefusedAloneWhileTheOtherGoesOn() {
    use("a", 10);

    refused("a", Scope.APP, Duration.ofSeconds(1));
    use("b", 5);
    refused("b", Scope.TENANT, Duration.ofSeconds(1)); // a's 10 and b's 5: the tenant's 15, the refusal not counted
  }

  @Test
  void theClientsStrikesAndTheTenantsAreKeptApart() {
    use("a", 10);
    refused("a", Scope.APP, Duration.ofSeconds(1));
    now.addAndGet(1_000 * MS);
    use("b", 10);
    use("a", 5);

    // The tenant's first throttling, though a's own was a window ago: one window, not two.
    refused("b", Scope.TENANT, Duration.ofSeconds(1));
  }

  @Test
  void theShareUsedIsTheLargerOfTheClientsAndTheTenants() {
    use("a", 6);
    assertThat(throttle.admit("a").used()).isEqualTo(0.7); // a's 7 of 10 over the tenant's 7 of 15

    use("b", 2);
    assertThat(throttle.admit("b").used()).isCloseTo(10.0 / 15, within(1e-9)); // the tenant's 10 over b's 3
  }

  @Test
  void withoutALimitPerClientOnlyTheTenantsCounts() {
    Throttle tenantOnly = new Throttle(0, 12, Duration.ofSeconds(1), now::get);
    for (int i = 0; i < 12; i++) {
      assertThat(tenantOnly.admit("a").admitted()).as("request %d", i + 1).isTrue();
    }

    assertThat(tenantOnly.admit("b").scope()).isEqualTo(Scope.TENANT);
  }
}
