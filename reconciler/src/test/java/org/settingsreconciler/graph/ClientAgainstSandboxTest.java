package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.sandbox.SandboxProbe;
import org.settingsreconciler.sandbox.LoadStats;
import org.settingsreconciler.sandbox.RecordedRequest;
import tools.jackson.databind.JsonNode;

/** The client under load against the sandbox: full batches, bounded concurrency, paging and throttling end to end. */
class ClientAgainstSandboxTest {

  private static final String PRONOUNS = "/v1.0/admin/people/pronouns";
  private static final String ADELE = "/beta/users/adele.vance@contoso.com/profile/interests";
  private static final String ALEX = "/beta/users/alex.wilber@contoso.com/profile/interests";

  private GraphSandbox sandbox;
  private SandboxProbe probe;

  @BeforeEach
  void start() throws IOException {
    sandbox = GraphSandbox.start(0, null, null);
    probe = SandboxProbe.on(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private GraphClient client(Throughput throughput) {
    return new GraphClient(sandbox.baseUrl(), () -> "t", throughput);
  }

  private static List<GraphRequest> reads(int n) {
    List<GraphRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(GraphRequest.get(PRONOUNS));
    }
    return out;
  }

  @Test
  void requestsGoInFullBatchesOfTwenty() {
    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(reads(45));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    LoadStats stats = probe.stats();
    assertThat(stats.batches()).isEqualTo(3);
    assertThat(stats.batchItems()).isEqualTo(45);
    assertThat(stats.singles()).isZero();
  }

  @Test
  void listsArePagedInsideBatches() {
    sandbox.setPageSize(1);

    List<GraphResult<List<JsonNode>>> out = client(Throughput.DEFAULT).listAll(List.of(ADELE, ALEX));

    assertThat(out.get(0).value()).hasSize(2);
    assertThat(out.get(1).value()).hasSize(1);
    assertThat(probe.requests()).filteredOn(RecordedRequest::inBatch).extracting(RecordedRequest::path)
        .containsExactly(ADELE, ALEX);
    // Adele's second page is a further request, on its own since nothing else is left to send.
    assertThat(probe.requests()).filteredOn(r -> !r.inBatch()).extracting(RecordedRequest::path)
        .containsExactly("/beta/$batch", ADELE + "?$skiptoken=" + tokenOf(probe.requests()));
  }

  private static String tokenOf(List<RecordedRequest> requests) {
    String last = requests.get(requests.size() - 1).path();
    return last.substring(last.indexOf("$skiptoken=") + "$skiptoken=".length());
  }

  @Test
  void noMoreThanTheConcurrencyOfRoundTripsIsInFlight() {
    sandbox.setLatency(Duration.ofMillis(150));

    long start = System.nanoTime();
    List<GraphResult<GraphResponse>> out = client(new Throughput(1, 4)).sendAll(reads(8));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    // 8 requests, 4 at a time: two waves of 150 ms, not one (unbounded) and not eight (one at a time).
    assertThat(millis).isBetween(300L, 1000L);
  }

  @Test
  void theTokenIsAskedForFromOneThreadAtATime() {
    sandbox.setLatency(Duration.ofMillis(20));
    java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    AccessTokenProvider slow = () -> {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      inside.decrementAndGet();
      return "t";
    };

    List<GraphResult<GraphResponse>> out = new GraphClient(sandbox.baseUrl(), slow, new Throughput(1, 8)).sendAll(reads(16));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void withoutCredentialsEveryRequestFailsAndNothingIsSent() {
    AccessTokenProvider none = () -> {
      throw new CredentialException("no credentials: set RECONCILER_ACCESS_TOKEN");
    };

    List<GraphResult<GraphResponse>> out = new GraphClient(sandbox.baseUrl(), none, Throughput.DEFAULT).sendAll(reads(25));

    assertThat(out).allSatisfy(o -> assertThat(o.error().code()).isEqualTo("noCredentials"));
    assertThat(probe.requests()).isEmpty();
  }

  @Test
  void aThrottledRunCompletesWithoutSendingAnythingBeforeItsRetryAfter() {
    sandbox.setThrottle(15, Duration.ofMillis(300));
    List<GraphRequest> distinct = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      distinct.add(GraphRequest.get(ADELE + "?$top=" + i));
    }

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(distinct);

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).as(o.ok() ? "" : o.error().describe()).isTrue());
    assertThat(out).allSatisfy(o -> assertThat(o.value().body().get("value")).isNotEmpty());
    LoadStats stats = probe.stats();
    assertThat(stats.throttled()).isPositive();
    assertThat(stats.earlyRetries()).isZero();
  }

  private static List<GraphRequest> distinctReads(int from, int to) {
    List<GraphRequest> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(GraphRequest.get(ADELE + "?$top=" + i));
    }
    return out;
  }

  /**
   * A first bulk runs into the budget; the client's next bulk keeps to the rate learned from it, so Graph throttles
   * it far less, though it asks for more than a window's budget at once. The rate is cut to half of what Graph let
   * through rather than nine tenths, so that a busy machine bunching requests cannot make this fail.
   */
  @Test
  void theRateLearnedFromOneBulkKeepsTheClientsNextBulkUnderTheBudget() {
    sandbox.setThrottle(100, Duration.ofMillis(250));
    GraphClient client = new GraphClient(sandbox.baseUrl(), () -> "t", RetryPolicy.DEFAULT, Sleeper.REAL,
        Throughput.DEFAULT, GraphClient.DEFAULT_TIMEOUT, new RatePolicy(Double.POSITIVE_INFINITY, 0.5, 0.02));

    List<GraphResult<GraphResponse>> first = client.sendAll(distinctReads(1, 160));
    LoadStats burst = probe.stats();
    probe.resetStats();
    List<GraphResult<GraphResponse>> second = client.sendAll(distinctReads(161, 360));
    LoadStats paced = probe.stats();

    assertThat(first).allSatisfy(o -> assertThat(o.ok()).as(o.ok() ? "" : o.error().describe()).isTrue());
    assertThat(second).allSatisfy(o -> assertThat(o.ok()).as(o.ok() ? "" : o.error().describe()).isTrue());
    assertThat(burst.throttled()).isPositive();
    assertThat(paced.throttled()).isLessThan(burst.throttled() / 4);
    assertThat(burst.earlyRetries() + paced.earlyRetries()).isZero();
  }

  /**
   * Reads of a user (the identity and access service, which warns past 0.8 of the limit): the warning comes while at
   * most the concurrency of batches is in flight (160 requests, less than the fifth of the budget left), and from then
   * on requests go one at a time until the window ends. At most one of those is throttled, where without the warning
   * every request in flight when the budget ran out would be (the same run on {@code /admin} gets 429s by the
   * hundred).
   */
  @Test
  void anEarlyWarningKeepsTheClientFromRunningIntoTheBudget() {
    sandbox.setThrottle(1000, Duration.ofSeconds(3));
    List<GraphRequest> reads = new ArrayList<>();
    for (int i = 1; i <= 1200; i++) {
      reads.add(GraphRequest.get("/beta/users/adele.vance@contoso.com"));
    }

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(reads);

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).as(o.ok() ? "" : o.error().describe()).isTrue());
    LoadStats stats = probe.stats();
    assertThat(stats.throttled()).isLessThanOrEqualTo(1);
    assertThat(stats.earlyRetries()).isZero();
  }

  @Test
  void aThrottledApplyOfWritesCompletesAndAppliesEachWriteOnce() {
    sandbox.setThrottle(10, Duration.ofMillis(300));
    List<GraphRequest> creates = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      creates.add(new GraphRequest("POST", ADELE,
          tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("displayName", "Topic " + i)));
    }

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(creates);

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).as(o.ok() ? "" : o.error().describe()).isTrue());
    JsonNode interests = sandbox.snapshot().at("/users/adele.vance@contoso.com/interests");
    assertThat(interests).hasSize(32);
    assertThat(probe.stats().earlyRetries()).isZero();
  }
}
