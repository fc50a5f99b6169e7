package org.settingsreconciler.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the client makes of answers that are not answers: a body that stalls, a redirect, a success whose body
 * cannot be read, and no answer at all; each named by a request id a support case can use.
 */
class TransportFaultsTest {

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).failOnUnmatchedRequests(true).build();

  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final FakeTime time = new FakeTime();

  @BeforeEach
  void reset() {
    wm.resetAll();
    elsewhere.resetAll();
  }

  private GraphClient client(Throughput throughput) {
    return new GraphClient(URI.create(wm.baseUrl() + "/beta"), () -> "token",
        new RetryPolicy(2, Duration.ofSeconds(10), Duration.ofMillis(1)), time, throughput, TIMEOUT);
  }

  private GraphResult<GraphResponse> send(GraphRequest request) {
    return client(new Throughput(1, 1)).sendAll(List.of(request)).get(0);
  }

  /** Each test has its own path: a slow answer still in flight from one test never counts in another. */
  private static GraphRequest patchOf(String path) {
    return new GraphRequest("PATCH", path, JSON.createObjectNode().put("on", true));
  }

  @Test
  void aBodyThatStallsHalfwayTimesOutInsteadOfHangingTheRun() {
    // Headers at once, then the body a byte at a time over 2 s: the request's own timeout would not see it, and
    // the read would succeed, late.
    wm.stubFor(get(urlEqualTo("/beta/stall")).willReturn(okJson("{\"on\":true,\"padding\":\"....................\"}")
        .withChunkedDribbleDelay(40, 2_000)));

    GraphResult<GraphResponse> o = send(GraphRequest.get("/beta/stall"));

    assertThat(o.error().code()).isEqualTo("timeout");
    assertThat(o.error().describe())
        .startsWith("no response timeout: localhost:" + wm.getPort() + " sent no answer within 0.5 s")
        .containsPattern("\\[client-request-id [0-9a-f-]{36}]");
    wm.verify(2, getRequestedFor(urlEqualTo("/beta/stall"))); // a read that timed out is tried again
  }

  @Test
  void aWriteThatTimesOutIsNeverSentAgain() {
    wm.stubFor(patch(urlEqualTo("/beta/slow")).willReturn(okJson("{}").withFixedDelay(2_000)));

    GraphResult<GraphResponse> o = send(patchOf("/beta/slow"));

    assertThat(o.error().describe()).contains("no answer within 0.5 s").contains("may or may not have been applied");
    wm.verify(1, patchRequestedFor(urlEqualTo("/beta/slow")));
  }

  @Test
  void aRedirectIsNotFollowedSoTheTokenNeverLeaves() {
    wm.stubFor(get(urlEqualTo("/beta/moved")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", elsewhere.baseUrl() + "/beta/moved").withHeader("request-id", "req-302")));

    GraphResult<GraphResponse> o = send(GraphRequest.get("/beta/moved"));

    assertThat(o.error().status()).isEqualTo(302);
    assertThat(o.error().code()).isEqualTo("redirect");
    assertThat(o.error().describe())
        .contains("redirect to http://localhost")
        .contains("never sent elsewhere")
        .endsWith("[request-id req-302]");
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aWriteAnsweredWithSuccessButAnUnreadableBodyMayHaveHappened() {
    wm.stubFor(patch(urlEqualTo("/beta/cut")).willReturn(okJson("{\"on\": tr").withHeader("request-id", "req-cut")));

    GraphResult<GraphResponse> o = send(patchOf("/beta/cut"));

    assertThat(o.error().code()).isEqualTo("malformedResponse");
    assertThat(o.error().describe()).contains("not valid JSON").contains("may or may not have been applied")
        .endsWith("[request-id req-cut]");
    wm.verify(1, patchRequestedFor(urlEqualTo("/beta/cut")));
  }

  @Test
  void aWriteAnsweredWithSuccessCarryingAGraphErrorMayHaveHappened() {
    wm.stubFor(patch(urlEqualTo("/beta/error")).willReturn(okJson(
        "{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"Try later.\",\"innerError\":{\"request-id\":"
            + "\"req-inner\"}}}")));

    GraphResult<GraphResponse> o = send(patchOf("/beta/error"));

    assertThat(o.error().describe()).startsWith("HTTP 200 serviceNotAvailable: Try later.")
        .contains("may or may not have been applied").endsWith("[request-id req-inner]");
  }

  @Test
  void aConnectionResetNamesTheRequestByTheClientRequestIdItCarried() {
    wm.stubFor(patch(urlEqualTo("/beta/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    GraphResult<GraphResponse> o = send(patchOf("/beta/reset"));

    assertThat(o.error().clientRequestId()).matches("[0-9a-f-]{36}");
    assertThat(o.error().describe()).endsWith("[client-request-id " + o.error().clientRequestId() + "]");
  }

  @Test
  void aBatchItemIsNamedByItsOwnRequestIdElseByTheBatchs() {
    wm.stubFor(post(urlEqualTo("/beta/$batch")).willReturn(okJson(
        "{\"responses\":[{\"id\":\"1\",\"status\":200,\"body\":\"<html>oops</html>\"},"
            + "{\"id\":\"2\",\"status\":200,\"body\":{\"n\":2}},"
            + "{\"id\":\"3\",\"status\":500,\"body\":{\"error\":{\"code\":\"generalException\","
            + "\"innerError\":{\"request-id\":\"req-item\"}}}}]}").withHeader("request-id", "req-batch")));

    List<GraphResult<GraphResponse>> out = client(Throughput.DEFAULT).sendAll(
        List.of(GraphRequest.get("/beta/a"), GraphRequest.get("/beta/b"), GraphRequest.get("/beta/c")));

    assertThat(out.get(0).error().describe()).contains("not a JSON object").endsWith("[request-id req-batch]");
    assertThat(out.get(0).error().clientRequestId()).isNotNull();
    assertThat(out.get(1).ok()).isTrue();
    assertThat(out.get(2).error().describe()).as("an item's own request-id wins").endsWith("[request-id req-item]");
  }
}
