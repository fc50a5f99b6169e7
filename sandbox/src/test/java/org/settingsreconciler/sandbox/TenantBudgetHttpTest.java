package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's budget through HTTP: two clients (bearer tokens) share it, batch items count one by one, and the
 * identity service's headers name the tenant as the scope that refused.
 */
class TenantBudgetHttpTest extends FreshSandbox {

  private static final String USER = "/users/adele.vance@contoso.com";
  private static final String PRONOUNS = "/admin/people/pronouns";

  /** Time stands still: a window never ends by itself. */
  private final AtomicLong now = new AtomicLong(1);

  private SandboxClient neighbour() {
    return new SandboxClient(sandbox, "neighbour-token");
  }

  @Test
  void theTenantsBudgetCountsBatchItemsOneByOneWhoeverSendsThem() {
    sandbox.setThrottle(10, 3, Duration.ofSeconds(30), now::get);
    assertThat(neighbour().get(PRONOUNS).status()).isEqualTo(200);

    Reply r = client.batchOfGets(PRONOUNS, 3);

    assertThat(r.status()).isEqualTo(200);
    List<JsonNode> throttled = SandboxClient.throttledItems(r);
    assertThat(throttled).hasSize(1);
    for (JsonNode a : throttled) {
      assertThat(a.at("/headers/Retry-After").asString()).isEqualTo("30.000");
      assertThat(a.at("/body/error/code").asString()).isEqualTo("TooManyRequests");
    } // the neighbour's one and two items fill the tenant's 3
    assertThat(neighbour().get(PRONOUNS).status()).isEqualTo(429);
  }

  @Test
  void anIdentity429ForTheTenantsBudgetNamesTheTenantAsItsScope() {
    sandbox.setThrottle(5, 2, Duration.ofSeconds(1), now::get);
    neighbour().get(USER);
    client.get(USER);

    Reply mine = client.get(USER);
    Reply theirs = neighbour().get(USER);

    assertThat(mine.status()).isEqualTo(429);
    assertThat(mine.header("Retry-After")).isEqualTo("1.000");
    assertThat(mine.header("x-ms-throttle-scope")).matches("Tenant/ReadWrite/[0-9a-f-]{36}/[0-9a-f-]{36}");
    assertThat(theirs.header("x-ms-throttle-scope")).matches("Tenant/ReadWrite/[0-9a-f-]{36}/[0-9a-f-]{36}");
    // Each names its own application, and the same tenant.
    String[] a = mine.header("x-ms-throttle-scope").split("/");
    String[] b = theirs.header("x-ms-throttle-scope").split("/");
    assertThat(a[2]).isNotEqualTo(b[2]);
    assertThat(a[3]).isEqualTo(b[3]);
  }

  @Test
  void anIdentity429ForTheClientsOwnBudgetStillNamesTheApplicationInTheTenant() {
    sandbox.setThrottle(1, 10, Duration.ofSeconds(1), now::get);
    client.get(USER);

    Reply throttled = client.get(USER);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("x-ms-throttle-scope")).startsWith("Tenant_Application/ReadWrite/");
    assertThat(neighbour().get(USER).status()).isEqualTo(200);
  }

  @Test
  void theEarlyWarningTellsTheTenantsShareWhenItIsTheLarger() {
    sandbox.setThrottle(10, 5, Duration.ofSeconds(1), now::get);
    for (int i = 0; i < 3; i++) {
      neighbour().get(USER);
    }
    assertThat(client.get(USER).header("x-ms-throttle-limit-percentage")).isNull(); // 4 of 5 is not past 0.8

    Reply fifth = client.get(USER);

    assertThat(fifth.status()).isEqualTo(200);
    assertThat(fifth.header("x-ms-throttle-limit-percentage")).isEqualTo("1.000"); // the tenant's 5 of 5, not its own 2 of 10
  }
}
