package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each kind of fault on the wire, on a request of its own and inside a batch: what the client gets, and whether the
 * sandbox carried the request out, since that is what makes a lost answer hard.
 */
class FaultKindsTest {

  private static final String PRONOUNS = "/admin/people/pronouns";
  private static final String INSIGHTS = "/admin/people/itemInsights";
  private static final String ON = "{\"isEnabledInOrganization\":true}";

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private GraphSandbox sandbox;
  private SandboxProbe probe;

  @BeforeEach
  void start() throws IOException {
    sandbox = GraphSandbox.start(0, null, GraphSandbox.emptyTenant());
    probe = SandboxProbe.on(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private HttpResponse<String> send(String method, String path, String json, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/beta" + path))
        .header("Authorization", "Bearer t").timeout(timeout);
    b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> patchPronouns() throws IOException, InterruptedException {
    return send("PATCH", PRONOUNS, ON, Duration.ofSeconds(10));
  }

  private HttpResponse<String> batch(String... items) throws IOException, InterruptedException {
    return send("POST", "/$batch", "{\"requests\":[" + String.join(",", items) + "]}", Duration.ofSeconds(10));
  }

  private static String patchItem(String id, String path) {
    return "{\"id\":\"" + id + "\",\"method\":\"PATCH\",\"url\":\"" + path + "\",\"headers\":{\"Content-Type\":"
        + "\"application/json\"},\"body\":" + ON + "}";
  }

  private boolean readOn(String path) {
    try {
      JsonNode body = SandboxClient.JSON.readTree(send("GET", path, null, Duration.ofSeconds(10)).body());
      // namePronunciation answers {"value": {...}}, as its docs page shows; the others answer the bare object.
      return (body.has("value") ? body.get("value") : body).get("isEnabledInOrganization").asBoolean();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode item(HttpResponse<String> batch, String id) {
    for (JsonNode a : SandboxClient.JSON.readTree(batch.body()).get("responses")) {
      if (a.get("id").asString().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no answer for " + id);
  }

  @Test
  void aResetClosesTheConnectionWithoutAnAnswerAndCarriesNothingOut() {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.RESET, 1));

    assertThatThrownBy(this::patchPronouns).isInstanceOf(IOException.class);

    assertThat(readOn(PRONOUNS)).isFalse();
  }

  @Test
  void aTimeoutCarriesTheRequestOutAndHoldsTheAnswerBackPastTheClientsPatience() {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.TIMEOUT, 1));

    assertThatThrownBy(() -> send("PATCH", PRONOUNS, ON, Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class);

    assertThat(readOn(PRONOUNS)).as("the write happened; only its answer was lost").isTrue();
  }

  @Test
  void aTimeoutWithADelayAnswersLate() throws Exception {
    sandbox.injectFault(Fault.of("GET", PRONOUNS, Fault.Kind.TIMEOUT, 1).withDelay(Duration.ofMillis(300)));
    long start = System.nanoTime();

    HttpResponse<String> r = send("GET", PRONOUNS, null, Duration.ofSeconds(10));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void malformedJsonIsA200WithABrokenBodyAndCarriesNothingOut() throws Exception {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.MALFORMED, 1));

    HttpResponse<String> r = patchPronouns();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(FaultAnswers.MALFORMED_JSON);
    assertThatThrownBy(() -> SandboxClient.JSON.readTree(r.body())).isInstanceOf(RuntimeException.class);
    assertThat(readOn(PRONOUNS)).isFalse();
  }

  @Test
  void truncatedJsonIsTheFirstHalfOfTheRealAnswerAfterCarryingItOut() throws Exception {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.TRUNCATED, 1));

    HttpResponse<String> r = patchPronouns();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("{").doesNotEndWith("}");
    assertThat(readOn(PRONOUNS)).isTrue();
  }

  @Test
  void anEmpty200HasNoBodyAndCarriesTheRequestOut() throws Exception {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.EMPTY, 1));

    HttpResponse<String> r = patchPronouns();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(readOn(PRONOUNS)).isTrue();
  }

  @Test
  void aRedirectPointsAtAHostThatCannotResolveAndCarriesNothingOut() throws Exception {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.REDIRECT, 1));

    HttpResponse<String> r = patchPronouns();

    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValue("https://graph.redirect.invalid/beta" + PRONOUNS);
    assertThat(readOn(PRONOUNS)).isFalse();
  }

  @Test
  void anErrorIn200IsGraphsErrorJsonWithStatus200() throws Exception {
    sandbox.injectFault(Fault.of("GET", PRONOUNS, Fault.Kind.ERROR_IN_200, 1));

    HttpResponse<String> r = send("GET", PRONOUNS, null, Duration.ofSeconds(10));

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = SandboxClient.JSON.readTree(r.body());
    assertThat(body.at("/error/code").asString()).isEqualTo("serviceNotAvailable");
    assertThat(body.at("/error/innerError/request-id").asString()).isEqualTo(r.headers().firstValue("request-id")
        .orElseThrow());
  }

  @Test
  void insideABatchAnAnsweringFaultIsThatItemsOwnAnswer() throws Exception {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, 503, "serviceNotAvailable", 1).withRetryAfter("0.5"));
    sandbox.injectFault(Fault.of("PATCH", INSIGHTS, Fault.Kind.MALFORMED, 1));
    sandbox.injectFault(Fault.of("PATCH", "/admin/people/namePronunciation", Fault.Kind.REDIRECT, 1));

    HttpResponse<String> r = batch(patchItem("1", PRONOUNS), patchItem("2", INSIGHTS),
        patchItem("3", "/admin/people/namePronunciation"),
        "{\"id\":\"4\",\"method\":\"GET\",\"url\":\"/admin/people/photoUpdateSettings\"}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(item(r, "1").get("status").asInt()).isEqualTo(503);
    assertThat(item(r, "1").at("/headers/Retry-After").asString()).isEqualTo("0.5");
    assertThat(item(r, "2").get("status").asInt()).isEqualTo(200);
    assertThat(item(r, "2").get("body").isString()).as("a body that is not JSON comes as a string").isTrue();
    assertThat(item(r, "3").get("status").asInt()).isEqualTo(302);
    assertThat(item(r, "4").get("status").asInt()).as("the others are served").isEqualTo(200);
  }

  @Test
  void insideABatchAResetBreaksTheWholeBatchBeforeAnyItemIsCarriedOut() {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.RESET, 1));

    assertThatThrownBy(() -> batch(patchItem("1", INSIGHTS), patchItem("2", PRONOUNS)))
        .isInstanceOf(IOException.class);

    assertThat(readOn(PRONOUNS)).isFalse();
    assertThat(readOn(INSIGHTS)).as("itemInsights is on by default, and stays as it was").isTrue();
    assertThat(probe.requests()).filteredOn(q -> q.method().equals("PATCH")).hasSize(2);
  }

  @Test
  void insideABatchATruncatedAnswerIsTheWholeBatchsAfterEveryItemIsCarriedOut() throws Exception {
    sandbox.injectFault(Fault.of("PATCH", PRONOUNS, Fault.Kind.TRUNCATED, 1));

    HttpResponse<String> r = batch(patchItem("1", PRONOUNS), patchItem("2", "/admin/people/namePronunciation"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> SandboxClient.JSON.readTree(r.body())).isInstanceOf(RuntimeException.class);
    assertThat(readOn(PRONOUNS)).isTrue();
    assertThat(readOn("/admin/people/namePronunciation")).isTrue();
  }

  @Test
  void aFaultForEveryRequestNeverWearsOffUntilCleared() throws Exception {
    sandbox.injectFault(Fault.of("GET", PRONOUNS, 500, "generalException", Fault.ALWAYS));

    for (int i = 0; i < 5; i++) {
      assertThat(send("GET", PRONOUNS, null, Duration.ofSeconds(10)).statusCode()).isEqualTo(500);
    }
    sandbox.clearFaults();

    assertThat(send("GET", PRONOUNS, null, Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
  }

  @Test
  void aRetrySentBeforeAnInjectedRetryAfterIsCountedAsEarly() throws Exception {
    sandbox.injectFault(Fault.of("GET", PRONOUNS, 429, "TooManyRequests", 2).withRetryAfter("5"));

    send("GET", PRONOUNS, null, Duration.ofSeconds(10));
    send("GET", PRONOUNS, null, Duration.ofSeconds(10));

    assertThat(probe.stats().earlyRetries()).isEqualTo(1);
  }
}
