package org.settingsreconciler.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.settingsreconciler.e2e.BatchFanOut;
import org.settingsreconciler.resource.ResourceId;

/**
 * The pace learned from throttling, against a WireMock "Graph" that answers batches item by item (each item counted
 * as Graph counts it) and a clock that moves only when the client waits: every request's time of sending is read off
 * that clock, so what is asserted is what the client decided, not how fast this machine is.
 */
class PacingTest {

  private static final long SECOND = 1_000_000_000L;
  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final FakeTime time = new FakeTime();

  /** Every request Graph received, batch items one by one, with the (fake) time it arrived. */
  private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());

  private record Arrival(long at, String url) {}

  /** Notes each request's arrival, on the client's clock, before it is answered; answers as stubbed. */
  private final class ArrivalClock implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String url = event.getRequest().getUrl();
      if (!url.endsWith("/$batch")) {
        arrivals.add(new Arrival(time.nanoTime(), url));
      }
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "arrival-clock";
    }
  }

  @RegisterExtension
  final WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new BatchFanOut(), new ArrivalClock()))
      .failOnUnmatchedRequests(true)
      .build();

  private long start;

  @BeforeEach
  void batches() {
    wm.stubFor(post(urlEqualTo("/beta/$batch")).willReturn(aResponse().withTransformers(BatchFanOut.NAME)));
    start = time.nanoTime();
  }

  private GraphClient client(Throughput throughput) {
    return new GraphClient(URI.create(wm.baseUrl() + "/beta"), () -> "token", RetryPolicy.DEFAULT, time, throughput);
  }

  private static String user(int i) {
    return "/beta/users/u" + i + "/profile/interests";
  }

  /** Answers {@code path} with a success. */
  private void ok(String path) {
    wm.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"value\":[]}")));
  }

  /** Answers {@code path} with 429 and a Retry-After the first time, then with a success. */
  private void throttledOnce(String path, String retryAfter) {
    wm.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Please retry again later.\"}}"))
        .willSetStateTo("served"));
    wm.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("served")
        .willReturn(okJson("{\"value\":[]}")));
  }

  /** Answers {@code path} with a success that says the app has used more than 0.8 of its limit, as Graph warns. */
  private void warned(String path) {
    wm.stubFor(get(urlEqualTo(path))
        .willReturn(okJson("{\"value\":[]}").withHeader("x-ms-throttle-limit-percentage", "0.850")));
  }

  /** The URLs every batch carried, item by item. */
  private List<String> batchedUrls() {
    List<String> out = new ArrayList<>();
    for (ServeEvent e : wm.getAllServeEvents()) {
      if (e.getRequest().getUrl().endsWith("/$batch")) {
        JSON.readTree(e.getRequest().getBodyAsString()).get("requests")
            .forEach(r -> out.add("/beta" + r.get("url").asString()));
      }
    }
    return out;
  }

  private static List<GraphRequest> gets(List<String> paths) {
    return paths.stream().map(GraphRequest::get).toList();
  }

  /** How many requests arrived at each moment, in order of time, counted from the start in milliseconds. */
  private Map<Long, Integer> arrivalsByMillisecond() {
    Map<Long, Integer> out = new TreeMap<>();
    synchronized (arrivals) {
      arrivals.forEach(a -> out.merge((a.at() - start) / 1_000_000, 1, Integer::sum));
    }
    return out;
  }

  private List<Long> arrivalsOf(String url) {
    synchronized (arrivals) {
      return arrivals.stream().filter(a -> a.url().equals(url)).map(a -> a.at() - start).toList();
    }
  }

  @Test
  void untilGraphThrottlesEveryRoundTripGoesAtOnce() {
    List<String> paths = IntStream.rangeClosed(1, 160).mapToObj(PacingTest::user).toList();
    paths.forEach(this::ok);

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(gets(paths));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    assertThat(time.waits()).isEmpty();
    assertThat(arrivalsByMillisecond()).containsExactly(Map.entry(0L, 160));
  }

  /**
   * Users 1 to 160 as eight batches at once, the most in flight; Graph lets 100 through and throttles 60 until 1 s.
   * Paths 101 to 160 answer 429 the first time.
   */
  private GraphClient throttledBurst() {
    return throttledBurst(Map.of());
  }

  /** The same, for a client started at rates an earlier run remembered. */
  private GraphClient throttledBurst(Map<String, Double> remembered) {
    for (int i = 1; i <= 160; i++) {
      if (i > 100) {
        throttledOnce(user(i), "1");
      } else {
        ok(user(i));
      }
    }
    GraphClient client = client(Throughput.DEFAULT);
    client.startAt(remembered);
    List<GraphResult<GraphResponse>> out =
        client.sendAll(gets(IntStream.rangeClosed(1, 160).mapToObj(PacingTest::user).toList()));
    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    return client;
  }

  /**
   * 100 let through until 1 s teach 90 a second: from then on the client sends one batch of 20 every 20/90 s, the
   * throttled requests' retries and then every later bulk's, however many round trips it may have in flight; as they
   * go through, the rate grows back.
   */
  @Test
  void aThrottledBurstTeachesARateThatEveryLaterBatchKeepsToAndThatGrowsBack() {
    GraphClient client = throttledBurst();
    List<String> more = IntStream.rangeClosed(161, 400).mapToObj(PacingTest::user).toList();
    more.forEach(this::ok);

    List<GraphResult<GraphResponse>> out = client.sendAll(gets(more));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    List<Duration> waits = time.waits();
    // The Retry-After, then one wait before each batch but the first after it: 2 more of retries, 12 of the rest.
    assertThat(waits).hasSize(15);
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(1));
    List<Duration> paced = waits.subList(1, waits.size());
    assertThat(paced.get(0)).as("20 requests at 90 a second").isEqualTo(Duration.ofMillis(223));
    assertThat(paced).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(223)));
    assertThat(paced.get(paced.size() - 1)).as("grown back").isLessThan(Duration.ofMillis(215));
    // 160 at once before the throttle; after it, never more than one batch at a moment, concurrency 8 or not.
    Map<Long, Integer> byMoment = arrivalsByMillisecond();
    assertThat(byMoment).containsEntry(0L, 160).hasSize(16);
    assertThat(byMoment.entrySet()).filteredOn(e -> e.getKey() > 0)
        .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(20));
    // No throttled request came back before its Retry-After.
    for (int i = 101; i <= 160; i++) {
      assertThat(arrivalsOf(user(i))).as(user(i)).hasSize(2).first().isEqualTo(0L);
      assertThat(arrivalsOf(user(i)).get(1)).as(user(i)).isGreaterThanOrEqualTo(SECOND);
    }
  }

  /**
   * A memory file edited to say users go at 1e300 a second (more than Graph lets any app send): taken as a known rate,
   * each throttle would cut it by a tenth, thousands of throttles before any request was spaced out. It is no rate:
   * the first throttle teaches one, as if nothing were remembered.
   */
  @Test
  void aRememberedRateAboveWhatGraphLetsAnyAppSendIsLearnedAfresh() {
    GraphClient client = throttledBurst(Map.of("users", 1e300));
    List<String> more = IntStream.rangeClosed(161, 400).mapToObj(PacingTest::user).toList();
    more.forEach(this::ok);

    assertThat(client.sendAll(gets(more))).allSatisfy(o -> assertThat(o.ok()).isTrue());

    List<Duration> waits = time.waits();
    assertThat(waits.get(0)).as("the Retry-After").isEqualTo(Duration.ofSeconds(1));
    assertThat(waits).hasSize(15);
    assertThat(waits.get(1)).as("20 requests at 90 a second").isEqualTo(Duration.ofMillis(223));
  }

  /**
   * A rate an earlier run remembered for a workload this run never sent to is not handed back to be written again: it
   * would look learned today, and never grow old while runs keep coming.
   */
  @Test
  void onlyTheWorkloadsThisRunSentToAreRememberedAgain() {
    GraphClient client = throttledBurst(Map.of("admin", 30.0, "users", 200.0));

    assertThat(client.learnedRates()).containsOnlyKeys("users");
  }

  @Test
  void aThrottledWorkloadIsPacedAndTheOthersAreNot() {
    GraphClient client = throttledBurst();
    long burstDone = time.nanoTime() - start;
    List<String> admin = IntStream.rangeClosed(1, 40).mapToObj(i -> "/beta/admin/people/setting" + i).toList();
    List<String> users = IntStream.rangeClosed(161, 200).mapToObj(PacingTest::user).toList();
    admin.forEach(this::ok);
    users.forEach(this::ok);
    List<String> both = new ArrayList<>(users);
    both.addAll(admin);

    List<GraphResult<GraphResponse>> out = client.sendAll(gets(both));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    // Every admin setting goes at once, in two batches; the users wait their turn, one batch at a time.
    for (String a : admin) {
      assertThat(arrivalsOf(a)).as(a).containsExactly(burstDone);
    }
    assertThat(users.stream().map(u -> arrivalsOf(u).get(0)).distinct()).hasSize(2)
        .allSatisfy(at -> assertThat(at).isGreaterThan(burstDone));
  }

  /**
   * A user whose principal name begins with {@code $} is {@code /users('$x@y')} (ResourceId.userPath): still the users
   * workload, held to the rate Graph taught users, not a workload of its own that goes at full speed (and whose name,
   * the user's, would be written to the rate memory file).
   */
  @Test
  void aUserAddressedInParenthesesIsPacedWithTheOtherUsers() {
    GraphClient client = throttledBurst();
    long burstDone = time.nanoTime() - start;
    List<String> dollars = IntStream.rangeClosed(1, 40)
        .mapToObj(i -> "/beta" + ResourceId.userPath("$svc" + i + "@contoso.com") + "/profile/interests").toList();
    dollars.forEach(this::ok);

    List<GraphResult<GraphResponse>> out = client.sendAll(gets(dollars));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    assertThat(dollars.stream().map(u -> arrivalsOf(u).get(0)).distinct()).as("one batch at a time").hasSize(2)
        .allSatisfy(at -> assertThat(at).isGreaterThan(burstDone));
    assertThat(client.learnedRates()).containsOnlyKeys("users");
  }

  @Test
  void aRetryAfterHoldsBackEveryBulkOfTheClient() {
    String setting = "/beta/admin/people/setting1";
    throttledOnce(user(1), "2");
    ok(user(2));
    ok(setting);
    GraphClient client = client(Throughput.DEFAULT);
    List<Long> settingSentAt = new ArrayList<>();

    // The second answer's callback reads a setting in a bulk of its own, while the first request waits.
    client.bulk()
        .send(GraphRequest.get(user(1)), o -> assertThat(o.ok()).isTrue())
        .send(GraphRequest.get(user(2)), o -> {
          assertThat(client.sendAll(List.of(GraphRequest.get(setting)))).allSatisfy(r -> assertThat(r.ok()).isTrue());
          settingSentAt.addAll(arrivalsOf(setting));
        })
        .run();

    assertThat(settingSentAt).containsExactly(2 * SECOND);
    assertThat(arrivalsOf(user(1))).containsExactly(0L, 2 * SECOND);
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aCeilingSpacesOutEveryRequestOfTheClientFromTheFirst() {
    List<String> paths = new ArrayList<>(IntStream.rangeClosed(1, 30).mapToObj(PacingTest::user).toList());
    IntStream.rangeClosed(1, 30).forEach(i -> paths.add("/beta/admin/people/setting" + i));
    paths.forEach(this::ok);
    GraphClient capped = new GraphClient(URI.create(wm.baseUrl() + "/beta"), () -> "token", RetryPolicy.DEFAULT,
        time, Throughput.DEFAULT, GraphClient.DEFAULT_TIMEOUT, RatePolicy.DEFAULT.withCeiling(40));

    List<GraphResult<GraphResponse>> out = capped.sendAll(gets(paths));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    // 60 requests, 20 to a batch, 40 a second for both workloads together: a batch every half second.
    assertThat(time.waits()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    assertThat(arrivalsByMillisecond()).containsExactly(Map.entry(0L, 20), Map.entry(500L, 20), Map.entry(1000L, 20));
  }

  /**
   * One batch in flight at a time, so that which requests follow which answers is fixed. Graph answers users 101 to
   * 170 saying the app has used more than 0.8 of its limit. Before any 429, the client stops batching that workload:
   * after the batch of users 101 to 120, users 121 to 171 go one at a time, each alone, until an answer comes without
   * the warning; then the rest go in batches again, at the rate learned.
   */
  @Test
  void anEarlyWarningSlowsTheClientToOneRequestAtATimeBeforeAnyThrottle() {
    List<String> paths = IntStream.rangeClosed(1, 400).mapToObj(PacingTest::user).toList();
    for (int i = 1; i <= 400; i++) {
      if (i > 100 && i <= 170) {
        warned(user(i));
      } else {
        ok(user(i));
      }
    }

    List<GraphResult<GraphResponse>> out = client(new Throughput(20, 1)).sendAll(gets(paths));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    List<String> probes = IntStream.rangeClosed(121, 171).mapToObj(PacingTest::user).toList();
    List<String> batched = batchedUrls();
    assertThat(batched).doesNotContainAnyElementsOf(probes).hasSize(400 - probes.size());
    assertThat(arrivals.stream().map(Arrival::url).filter(probes::contains).toList()).isEqualTo(probes);
  }
}
