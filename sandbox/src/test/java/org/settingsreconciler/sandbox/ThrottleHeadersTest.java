package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The headers Graph's identity and access service sends around throttling, where the docs say it sends them
 * (concepts/throttling-limits.md): the share of the limit used past 0.8 on answers served, the scope and reason on
 * 429s; and none of them for other services.
 */
class ThrottleHeadersTest extends FreshSandbox {

  private static final String USER = "/users/adele.vance@contoso.com";
  private static final String INTERESTS = "/users/adele.vance@contoso.com/profile/interests";
  private static final String PRONOUNS = "/admin/people/pronouns";

  /** Time stands still: a window never ends by itself. */
  private final AtomicLong now = new AtomicLong(1);

  @Test
  void pastEightTenthsOfTheBudgetIdentityAnswersSayTheShareUsed() {
    sandbox.setThrottle(10, Duration.ofSeconds(1), now::get);

    for (int i = 1; i <= 8; i++) {
      assertThat(client.get(USER).header("x-ms-throttle-limit-percentage")).as("request %d", i).isNull();
    }
    Reply ninth = client.get(USER);

    assertThat(ninth.status()).isEqualTo(200);
    assertThat(ninth.header("x-ms-throttle-limit-percentage")).isEqualTo("0.900");
  }

  @Test
  void otherServicesSendNoWarning() {
    sandbox.setThrottle(10, Duration.ofSeconds(1), now::get);

    for (int i = 1; i <= 9; i++) {
      client.get(PRONOUNS);
    }
    Reply tenth = client.get(PRONOUNS);

    assertThat(tenth.status()).isEqualTo(200);
    assertThat(tenth.header("x-ms-throttle-limit-percentage")).isNull();
    assertThat(client.get(USER).header("x-ms-throttle-scope")).isNotNull(); // one budget: the user read is throttled
    assertThat(client.get(PRONOUNS).header("x-ms-throttle-scope")).isNull();
  }

  @Test
  void anIdentity429NamesItsScopeAndReason() {
    sandbox.setThrottle(1, Duration.ofSeconds(1), now::get);
    client.get(USER);

    Reply throttled = client.get(USER);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isEqualTo("1.000");
    assertThat(throttled.header("x-ms-throttle-scope"))
        .matches("Tenant_Application/ReadWrite/[0-9a-f-]{36}/[0-9a-f-]{36}");
    assertThat(throttled.header("x-ms-throttle-information")).isEqualTo("ResourceUnitLimitExceeded");
  }

  @Test
  void batchItemsCarryTheWarningInTheirOwnHeaders() {
    sandbox.setThrottle(2, Duration.ofSeconds(1), now::get);

    Reply r = client.post("/$batch", "{\"requests\":["
        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + USER + "\"},"
        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + USER + "\"}]}");

    int warned = 0;
    for (JsonNode a : r.body().get("responses")) {
      assertThat(a.get("status").asInt()).isEqualTo(200);
      warned += a.at("/headers/x-ms-throttle-limit-percentage").asString("").equals("1.000") ? 1 : 0;
    }
    assertThat(warned).isEqualTo(1);
  }

  @Test
  void aUsersProfileIsNotTheIdentityService() {
    sandbox.setThrottle(1, Duration.ofSeconds(1), now::get);
    client.get(INTERESTS);

    Reply throttled = client.get(INTERESTS);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("x-ms-throttle-scope")).isNull();
  }
}
