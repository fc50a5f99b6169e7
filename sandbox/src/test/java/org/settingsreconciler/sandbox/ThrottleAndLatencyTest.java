package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/** Load simulation: a per-client request budget answered with 429 and a decimal Retry-After, and latency. */
class ThrottleAndLatencyTest extends FreshSandbox {

  private static final String PRONOUNS = "/admin/people/pronouns";

  @Test
  void pastTheBudgetRequestsGet429WithADecimalRetryAfterUntilTheWindowEnds() throws InterruptedException {
    // A window long enough that a loaded machine cannot let it pass between the three requests.
    sandbox.setThrottle(2, Duration.ofMillis(1500));

    assertThat(client.get(PRONOUNS).status()).isEqualTo(200);
    assertThat(client.get(PRONOUNS).status()).isEqualTo(200);
    Reply throttled = client.get(PRONOUNS);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.errorCode()).isEqualTo("TooManyRequests");
    assertThat(throttled.header("Retry-After")).matches("[01]\\.\\d{3}");
    double seconds = Double.parseDouble(throttled.header("Retry-After"));
    assertThat(seconds).isGreaterThan(0).isLessThanOrEqualTo(1.5);

    Thread.sleep((long) Math.ceil(seconds * 1000));
    assertThat(client.get(PRONOUNS).status()).isEqualTo(200);
    assertThat(probe.stats().throttled()).isEqualTo(1);
    assertThat(probe.stats().earlyRetries()).isZero();
  }

  @Test
  void aRetrySentBeforeItsRetryAfterIsCountedAsEarly() {
    sandbox.setThrottle(1, Duration.ofSeconds(30));

    client.get(PRONOUNS);
    assertThat(client.get(PRONOUNS).status()).isEqualTo(429);
    assertThat(client.get(PRONOUNS).status()).isEqualTo(429);

    assertThat(probe.stats().earlyRetries()).isEqualTo(1);
  }

  @Test
  void eachClientHasItsOwnBudget() {
    sandbox.setThrottle(1, Duration.ofSeconds(30));

    assertThat(client.get(PRONOUNS).status()).isEqualTo(200);
    Reply other = client.send(client.unauthenticated(PRONOUNS).header("Authorization", "Bearer other").GET());

    assertThat(other.status()).isEqualTo(200);
  }

  @Test
  void batchItemsAreThrottledOneByOne() {
    sandbox.setThrottle(2, Duration.ofSeconds(30));

    Reply r = client.batchOfGets(PRONOUNS, 3);

    assertThat(r.status()).isEqualTo(200);
    List<JsonNode> throttled = SandboxClient.throttledItems(r);
    assertThat(throttled).hasSize(1);
    for (JsonNode a : throttled) {
      assertThat(a.at("/headers/Retry-After").asString()).matches("\\d+\\.\\d{3}");
      assertThat(a.at("/body/error/code").asString()).isEqualTo("TooManyRequests");
    }
  }

  @Test
  void throttlingCanBeTurnedOff() {
    sandbox.setThrottle(1, Duration.ofSeconds(30));
    client.get(PRONOUNS);
    sandbox.setThrottle(0, Duration.ofSeconds(30));

    assertThat(client.get(PRONOUNS).status()).isEqualTo(200);
  }

  @Test
  void everyRoundTripTakesTheLatencyOnceABatchIncluded() {
    sandbox.setLatency(Duration.ofMillis(150));

    long start = System.nanoTime();
    client.post("/$batch", "{\"requests\":["
        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\"},"
        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\"}]}");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(millis).isBetween(150L, 290L);
  }
}
