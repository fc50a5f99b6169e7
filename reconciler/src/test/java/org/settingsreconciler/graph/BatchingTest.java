package org.settingsreconciler.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client's JSON batching against hand-written batch answers: answers matched by id in any order, each item
 * judged like a request of its own (throttled items retried alone after their Retry-After, 424 reported, the retry
 * caps), list pages followed from inside a batch, and a batch that may or may not have been carried out.
 */
class BatchingTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String BATCH = "/beta/$batch";

  private final FakeTime time = new FakeTime();

  @BeforeEach
  void resetTime() {
    wm.resetAll();
  }

  private GraphClient client(Throughput throughput) {
    return client(new RetryPolicy(5, Duration.ofSeconds(120), Duration.ofSeconds(1)), throughput);
  }

  private GraphClient client(RetryPolicy retry, Throughput throughput) {
    return new GraphClient(URI.create(wm.baseUrl() + "/beta"), () -> "token", retry, time, throughput);
  }

  private static void batchAnswers(String responsesJson) {
    wm.stubFor(post(urlEqualTo(BATCH)).willReturn(okJson("{\"responses\":" + responsesJson + "}")));
  }

  private static String throttledItem(String id, String retryAfter) {
    String headers = retryAfter == null ? "{}" : "{\"Retry-After\":\"" + retryAfter + "\"}";
    return "{\"id\":\"" + id + "\",\"status\":429,\"headers\":" + headers + ",\"body\":{\"error\":{\"code\":"
        + "\"TooManyRequests\",\"message\":\"Please retry again later.\"}}}";
  }

  private static ResponseDefinitionBuilder throttled(String retryAfter) {
    return aResponse().withStatus(429).withHeader("Retry-After", retryAfter).withHeader("Content-Type",
        "application/json").withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Please retry.\"}}");
  }

  private static List<GraphRequest> gets(String... paths) {
    return List.of(paths).stream().map(GraphRequest::get).toList();
  }

  private static int n(GraphResult<GraphResponse> o) {
    return o.value().body().get("n").asInt();
  }

  @Test
  void answersInAnyOrderAreMatchedById() {
    batchAnswers("""
        [{"id":"3","status":200,"headers":{"Content-Type":"application/json"},"body":{"n":3}},
         {"id":"1","status":200,"body":{"n":1}},
         {"id":"2","status":200,"body":{"n":2}}]""");

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(gets("/beta/a", "/beta/b", "/beta/c"));

    assertThat(out).extracting(BatchingTest::n).containsExactly(1, 2, 3);
    LoggedRequest batch = wm.findAll(postRequestedFor(urlEqualTo(BATCH))).get(0);
    JsonNode requests = JSON.readTree(batch.getBodyAsString()).get("requests");
    assertThat(requests).extracting(r -> r.get("id").asString()).containsExactly("1", "2", "3");
    assertThat(requests).extracting(r -> r.get("url").asString()).containsExactly("/a", "/b", "/c");
    assertThat(requests).allSatisfy(r -> assertThat(r.get("method").asString()).isEqualTo("GET"));
    assertThat(batch.getHeader("Authorization")).isEqualTo("Bearer token");
  }

  @Test
  void writesCarryTheirBodyWithAContentType() {
    batchAnswers("[{\"id\":\"1\",\"status\":204},{\"id\":\"2\",\"status\":201,\"body\":{\"id\":\"x\"}}]");
    ObjectNode body = JSON.createObjectNode().put("displayName", "Hiking");

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(List.of(
        new GraphRequest("DELETE", "/beta/items/1", null), new GraphRequest("POST", "/beta/items", body)));

    assertThat(out).allSatisfy(o -> assertThat(o.ok()).isTrue());
    wm.verify(postRequestedFor(urlEqualTo(BATCH)).withRequestBody(equalToJson("""
        {"requests":[{"id":"1","method":"DELETE","url":"/items/1"},
                     {"id":"2","method":"POST","url":"/items","body":{"displayName":"Hiking"},
                      "headers":{"Content-Type":"application/json; charset=utf-8"}}]}""", true, true)));
  }

  @Test
  void aThrottledItemIsRetriedAloneAfterItsDecimalRetryAfter() {
    batchAnswers("[{\"id\":\"1\",\"status\":200,\"body\":{\"n\":1}}," + throttledItem("2", "2.128")
        + ",{\"id\":\"3\",\"status\":200,\"body\":{\"n\":3}}]");
    wm.stubFor(get(urlEqualTo("/beta/b")).willReturn(okJson("{\"n\":2}")));

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(gets("/beta/a", "/beta/b", "/beta/c"));

    assertThat(out).extracting(BatchingTest::n).containsExactly(1, 2, 3);
    assertThat(time.waits()).containsExactly(Duration.ofMillis(2128));
    wm.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    wm.verify(1, getRequestedFor(urlEqualTo("/beta/b")));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void withoutRetryAfterTheItemBacksOffExponentiallyWithJitter() {
    batchAnswers("[{\"id\":\"1\",\"status\":200,\"body\":{\"n\":1}},{\"id\":\"2\",\"status\":503,\"body\":"
        + "{\"error\":{\"code\":\"serviceNotAvailable\"}}}]");
    wm.stubFor(get(urlEqualTo("/beta/b")).inScenario("b").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wm.stubFor(get(urlEqualTo("/beta/b")).inScenario("b").whenScenarioStateIs("up").willReturn(okJson("{\"n\":2}")));

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(gets("/beta/a", "/beta/b"));

    assertThat(out).extracting(BatchingTest::n).containsExactly(1, 2);
    assertThat(time.waits()).hasSize(2);
    assertThat(time.waits().get(0).toMillis()).isBetween(1000L, 1500L);
    assertThat(time.waits().get(1).toMillis()).isBetween(2000L, 3000L);
  }

  @Test
  void aFailedDependencyIsReportedAndNotRetried() {
    batchAnswers("[{\"id\":\"2\",\"status\":424,\"body\":{\"error\":{\"code\":\"failedDependency\",\"message\":"
        + "\"A request it depends on failed.\"}}},{\"id\":\"1\",\"status\":200,\"body\":{\"n\":1}}]");

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(gets("/beta/a", "/beta/b"));

    assertThat(n(out.get(0))).isEqualTo(1);
    assertThat(out.get(1).error().status()).isEqualTo(424);
    assertThat(out.get(1).error().describe()).startsWith("HTTP 424 failedDependency");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void throttlingThatNeverEndsGivesUpAfterTheAttemptCapWithAClearError() {
    batchAnswers("[{\"id\":\"1\",\"status\":200,\"body\":{\"n\":1}}," + throttledItem("2", "0.5") + "]");
    wm.stubFor(get(urlEqualTo("/beta/b")).willReturn(throttled("0.5")));

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(gets("/beta/a", "/beta/b"));

    assertThat(out.get(0).ok()).isTrue();
    assertThat(out.get(1).error().describe())
        .startsWith("HTTP 429 TooManyRequests")
        .contains("gave up after 5 attempts");
    assertThat(time.waits()).containsExactly(
        Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
    wm.verify(4, getRequestedFor(urlEqualTo("/beta/b")));
  }

  @Test
  void aRetryAfterPastTheWaitCapFailsAtOnce() {
    batchAnswers("[{\"id\":\"1\",\"status\":200,\"body\":{\"n\":1}}," + throttledItem("2", "300") + "]");

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(gets("/beta/a", "/beta/b"));

    assertThat(out.get(1).error().describe()).contains("not retried: waiting 300.0 s");
    assertThat(time.waits()).isEmpty();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void whileARetryAfterRunsNothingElseIsSent() {
    wm.stubFor(get(urlEqualTo("/beta/a")).inScenario("a").whenScenarioStateIs(STARTED)
        .willReturn(throttled("1.5")).willSetStateTo("ok"));
    wm.stubFor(get(urlEqualTo("/beta/a")).inScenario("a").whenScenarioStateIs("ok").willReturn(okJson("{\"n\":1}")));
    wm.stubFor(get(urlEqualTo("/beta/b")).willReturn(okJson("{\"n\":2}")));

    List<GraphResult<GraphResponse>> out = client(new Throughput(1, 1)).sendAll(gets("/beta/a", "/beta/b"));

    assertThat(out).extracting(BatchingTest::n).containsExactly(1, 2);
    assertThat(time.waits()).containsExactly(Duration.ofMillis(1500));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).extracting(LoggedRequest::getUrl)
        .containsExactly("/beta/a", "/beta/a", "/beta/b");
  }

  @Test
  void aThrottledBatchEnvelopeIsRetriedWholeWritesIncluded() {
    wm.stubFor(post(urlEqualTo(BATCH)).inScenario("env").whenScenarioStateIs(STARTED)
        .willReturn(throttled("1")).willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(BATCH)).inScenario("env").whenScenarioStateIs("ok").willReturn(okJson(
        "{\"responses\":[{\"id\":\"2\",\"status\":200,\"body\":{\"n\":2}},{\"id\":\"1\",\"status\":201,"
            + "\"body\":{\"n\":1}}]}")));

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(List.of(
        new GraphRequest("POST", "/beta/items", JSON.createObjectNode().put("displayName", "x")), GraphRequest.get("/beta/b")));

    assertThat(out).extracting(BatchingTest::n).containsExactly(1, 2);
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(1));
    wm.verify(2, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void aBatchWhoseConnectionDroppedResendsReadsButNeverTheWrite() {
    wm.stubFor(post(urlEqualTo(BATCH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(get(urlEqualTo("/beta/b")).willReturn(okJson("{\"n\":2}")));

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(List.of(
        new GraphRequest("POST", "/beta/items", JSON.createObjectNode().put("displayName", "x")), GraphRequest.get("/beta/b")));

    assertThat(out.get(0).error().describe())
        .startsWith("no response connectionFailed")
        .contains("may or may not have been applied")
        .contains("plan again");
    assertThat(n(out.get(1))).isEqualTo(2);
    wm.verify(1, postRequestedFor(urlEqualTo(BATCH)));
    wm.verify(0, postRequestedFor(urlEqualTo("/beta/items")));
  }

  @Test
  void aWriteAnsweredWithGatewayTimeoutIsNotRepeated() {
    batchAnswers("[{\"id\":\"1\",\"status\":504,\"body\":{\"error\":{\"code\":\"gatewayTimeout\"}}},"
        + "{\"id\":\"2\",\"status\":200,\"body\":{\"n\":2}}]");

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(List.of(
        new GraphRequest("POST", "/beta/items", JSON.createObjectNode().put("displayName", "x")), GraphRequest.get("/beta/b")));

    assertThat(out.get(0).error().describe()).startsWith("HTTP 504 gatewayTimeout").contains("may or may not");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void aListsNextPageIsAFurtherRequestFollowedFromInsideTheBatch() {
    batchAnswers("""
        [{"id":"2","status":200,"body":{"value":[{"i":"x"}]}},
         {"id":"1","status":200,"body":{"value":[{"i":1}],"@odata.nextLink":"%s/beta/l1?$skiptoken=p2"}}]"""
        .formatted(wm.baseUrl()));
    wm.stubFor(get(urlEqualTo("/beta/l1?$skiptoken=p2")).willReturn(okJson("{\"value\":[{\"i\":2}]}")));

    List<GraphResult<List<JsonNode>>> out = client(Throughput.DEFAULT).listAll(List.of("/beta/l1", "/beta/l2"));

    assertThat(out.get(0).value()).extracting(i -> i.get("i").asInt()).containsExactly(1, 2);
    assertThat(out.get(1).value()).extracting(i -> i.get("i").asString()).containsExactly("x");
  }

  /** A batch answer without an answer for each request is believed in nothing: reads go again, writes are unknown. */
  @Test
  void aBatchAnswerMissingAnItemIsRetriedForAReadAndAmbiguousForAWrite() {
    batchAnswers("[{\"id\":\"2\",\"status\":200,\"body\":{\"n\":0}}]");
    wm.stubFor(get(urlEqualTo("/beta/b")).willReturn(okJson("{\"n\":2}")));

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(List.of(
        new GraphRequest("PATCH", "/beta/items/1", JSON.createObjectNode().put("x", 1)), GraphRequest.get("/beta/b")));

    assertThat(out.get(0).error().code()).isEqualTo("malformedResponse");
    assertThat(out.get(0).error().message()).contains("without an answer to request \"1\"")
        .contains("may or may not have been applied");
    assertThat(out.get(0).error().maybeApplied()).isTrue();
    assertThat(n(out.get(1))).as("the read is sent again, on its own: the first answer to it is not believed")
        .isEqualTo(2);
    wm.verify(0, patchRequestedFor(urlEqualTo("/beta/items/1")));
  }

  @Test
  void batchSizeOneSendsEveryRequestOnItsOwn() {
    wm.stubFor(get(urlEqualTo("/beta/a")).willReturn(okJson("{\"n\":1}")));
    wm.stubFor(get(urlEqualTo("/beta/b")).willReturn(okJson("{\"n\":2}")));

    List<GraphResult<GraphResponse>> out = client(new Throughput(1, 4)).sendAll(gets("/beta/a", "/beta/b"));

    assertThat(out).extracting(BatchingTest::n).containsExactly(1, 2);
    wm.verify(0, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void requestsOfDifferentVersionsGoInDifferentBatchesEachRelativeToItsVersion() {
    wm.stubFor(post(urlEqualTo("/v1.0/$batch")).willReturn(okJson("""
        {"responses":[{"id":"2","status":200,"body":{"n":3}},{"id":"1","status":200,"body":{"n":1}}]}""")));
    wm.stubFor(post(urlEqualTo("/beta/$batch")).willReturn(okJson("""
        {"responses":[{"id":"1","status":200,"body":{"n":2}},{"id":"2","status":200,"body":{"n":4}}]}""")));
    GraphClient versionless = new GraphClient(URI.create(wm.baseUrl()), () -> "token",
        new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)), time, Throughput.DEFAULT);

    List<GraphResult<GraphResponse>> out = versionless.sendAll(gets("/v1.0/a", "/beta/b", "/v1.0/c", "/beta/d"));

    assertThat(out).extracting(BatchingTest::n).containsExactly(1, 2, 3, 4);
    assertThat(urlsIn("/v1.0/$batch")).containsExactly("/a", "/c");
    assertThat(urlsIn("/beta/$batch")).containsExactly("/b", "/d");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void aRelativeNextLinkIsUnderItsListsVersion() {
    wm.stubFor(get(urlEqualTo("/v1.0/l")).willReturn(okJson("{\"value\":[1],\"@odata.nextLink\":\"/l?p=2\"}")));
    wm.stubFor(get(urlEqualTo("/v1.0/l?p=2")).willReturn(okJson("{\"value\":[2]}")));
    GraphClient versionless = new GraphClient(URI.create(wm.baseUrl()), () -> "token",
        new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)), time, Throughput.DEFAULT);

    List<GraphResult<List<JsonNode>>> out = versionless.listAll(List.of("/v1.0/l"));

    assertThat(out.get(0).value()).extracting(JsonNode::asInt).containsExactly(1, 2);
  }

  @Test
  void aNextLinkFromTheHostsRootIsNotPutUnderTheVersionTwice() {
    wm.stubFor(get(urlEqualTo("/v1.0/l")).willReturn(okJson("{\"value\":[1],\"@odata.nextLink\":\"/v1.0/l?p=2\"}")));
    wm.stubFor(get(urlEqualTo("/v1.0/l?p=2")).willReturn(okJson("{\"value\":[2],\"@odata.nextLink\":\"/beta/l?p=3\"}")));
    wm.stubFor(get(urlEqualTo("/beta/l?p=3")).willReturn(okJson("{\"value\":[3]}")));
    GraphClient versionless = new GraphClient(URI.create(wm.baseUrl()), () -> "token",
        new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)), time, Throughput.DEFAULT);

    List<GraphResult<List<JsonNode>>> out = versionless.listAll(List.of("/v1.0/l"));

    assertThat(out.get(0).value()).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
    wm.verify(0, getRequestedFor(urlPathMatching("/v1\\.0/v1\\.0/.*")));
  }

  @Test
  void aPathWithoutItsVersionOrOfAnotherThanThePinnedOneIsNeverSent() {
    GraphClient pinned = client(Throughput.DEFAULT);
    GraphClient versionless = new GraphClient(URI.create(wm.baseUrl()), () -> "token");

    assertThat(pinned.versions()).isEqualTo(VersionChoice.pinnedTo(GraphVersion.BETA));
    assertThat(versionless.versions()).isEqualTo(VersionChoice.EACH_RESOURCE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> pinned.sendAll(gets("/v1.0/a")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sends everything to beta");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> versionless.sendAll(gets("/admin/people/pronouns")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts with its version");
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  private static List<String> urlsIn(String batch) {
    List<LoggedRequest> batches = wm.findAll(postRequestedFor(urlEqualTo(batch)));
    assertThat(batches).as(batch).hasSize(1);
    return JSON.readTree(batches.get(0).getBodyAsString()).get("requests").valueStream()
        .map(r -> r.get("url").asString()).toList();
  }
}
