package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /$batch} as Graph serves it: items with relative urls served like requests of their own, each with its
 * own status, headers and body, answers in any order, the 20-request limit, dependsOn with 424, and the format
 * errors Graph refuses as a whole.
 */
class BatchTest extends FreshSandbox {

  private static final String PRONOUNS = "/admin/people/pronouns";
  private static final String MEGAN = "/users/megan.bowen@contoso.com/profile/interests";

  private Reply batch(String... items) {
    return client.post("/$batch", "{\"requests\":[" + String.join(",", items) + "]}");
  }

  private static String get(String id, String url) {
    return "{\"id\":\"" + id + "\",\"method\":\"GET\",\"url\":\"" + url + "\"}";
  }

  private static JsonNode answer(Reply r, String id) {
    for (JsonNode a : r.body().get("responses")) {
      if (a.get("id").asString().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no answer for id " + id + " in " + r.body());
  }

  @Test
  void itemsAreServedLikeRequestsOfTheirOwnEachWithItsOwnAnswer() {
    Reply r = batch(
        get("1", PRONOUNS),
        get("2", "admin/people/namePronunciation"),
        get("3", "/admin/people/nothing"),
        "{\"id\":\"4\",\"method\":\"PATCH\",\"url\":\"" + PRONOUNS + "\",\"headers\":{\"Content-Type\":"
            + "\"application/json\"},\"body\":{\"isEnabledInOrganization\":true}}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("responses")).hasSize(4);
    JsonNode pronouns = answer(r, "1");
    assertThat(pronouns.get("status").asInt()).isEqualTo(200);
    assertThat(pronouns.at("/headers/Content-Type").asString()).startsWith("application/json");
    assertThat(pronouns.at("/body/isEnabledInOrganization").isBoolean()).isTrue();
    assertThat(answer(r, "2").get("status").asInt()).as("a url without its leading slash").isEqualTo(200);
    assertThat(answer(r, "3").get("status").asInt()).isEqualTo(400);
    assertThat(answer(r, "3").at("/body/error/code").asString()).isEqualTo("BadRequest");
    assertThat(answer(r, "4").get("status").asInt()).isEqualTo(200);
    assertThat(client.get(PRONOUNS).body().get("isEnabledInOrganization").asBoolean()).isTrue();
  }

  @Test
  void aListItemCarriesItsNextLinkAndTheNextPageCanBeBatchedToo() {
    sandbox.setPageSize(1);

    Reply first = batch(get("1", "/users/adele.vance@contoso.com/profile/interests"));
    String next = answer(first, "1").at("/body/@odata.nextLink").asString();
    String relative = next.substring(client.base().toString().length());
    Reply second = batch(get("1", relative));

    assertThat(next).startsWith(client.base().toString());
    assertThat(answer(second, "1").get("status").asInt()).isEqualTo(200);
    assertThat(answer(second, "1").at("/body/value")).hasSize(1);
    assertThat(answer(second, "1").at("/body/value/0/id").asString())
        .isNotEqualTo(answer(first, "1").at("/body/value/0/id").asString());
  }

  @Test
  void answersComeBackInAnyOrder() {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      items.add(get(String.valueOf(i), PRONOUNS));
    }
    boolean shuffled = false;
    for (int attempt = 0; attempt < 5 && !shuffled; attempt++) {
      Reply r = batch(items.toArray(String[]::new));
      StringJoiner ids = new StringJoiner(",");
      r.body().get("responses").forEach(a -> ids.add(a.get("id").asString()));
      shuffled = !ids.toString().equals("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20");
    }
    assertThat(shuffled).isTrue();
  }

  @Test
  void moreThanTwentyRequestsAreRefusedAsAWhole() {
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= 21; i++) {
      items.add(get(String.valueOf(i), PRONOUNS));
    }

    Reply r = batch(items.toArray(String[]::new));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("20");
    assertThat(probe.stats().batchItems()).isZero();
  }

  @Test
  void malformedBatchesAreRefusedAsAWhole() {
    assertThat(client.post("/$batch", "{\"requests\":{}}").status()).isEqualTo(400);
    assertThat(client.post("/$batch", "{\"requests\":[]}").status()).isEqualTo(400);
    assertThat(batch(get("1", PRONOUNS), get("1", PRONOUNS)).errorMessage()).contains("more than once");
    assertThat(batch("{\"id\":\"1\",\"url\":\"" + PRONOUNS + "\"}").status()).isEqualTo(400);
    Reply noContentType = batch("{\"id\":\"7\",\"method\":\"PATCH\",\"url\":\"" + PRONOUNS + "\","
        + "\"body\":{\"isEnabledInOrganization\":true}}");
    assertThat(noContentType.status()).isEqualTo(400);
    assertThat(noContentType.errorMessage()).contains("Content-Type");
    assertThat(client.get("/$batch").status()).isEqualTo(405);
  }

  @Test
  void absoluteUrlsAndNestedBatchesAreRefusedPerItem() {
    Reply r = batch(get("1", client.base() + PRONOUNS), get("2", "/$batch"), get("3", PRONOUNS));

    assertThat(r.status()).isEqualTo(200);
    assertThat(answer(r, "1").get("status").asInt()).isEqualTo(400);
    assertThat(answer(r, "1").at("/body/error/message").asString()).contains("relative");
    assertThat(answer(r, "2").get("status").asInt()).isEqualTo(400);
    assertThat(answer(r, "3").get("status").asInt()).isEqualTo(200);
  }

  @Test
  void dependsOnRunsInOrderAndAFailedDependencyGives424() {
    Reply r = batch(
        "{\"id\":\"c\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\",\"dependsOn\":[\"b\"]}",
        "{\"id\":\"b\",\"method\":\"POST\",\"url\":\"" + MEGAN + "\",\"headers\":{\"Content-Type\":"
            + "\"application/json\"},\"body\":{\"displayName\":\"Chess\"},\"dependsOn\":[\"a\"]}",
        "{\"id\":\"a\",\"method\":\"DELETE\",\"url\":\"" + MEGAN + "/no-such-id\"}");

    assertThat(answer(r, "a").get("status").asInt()).isEqualTo(404);
    assertThat(answer(r, "b").get("status").asInt()).isEqualTo(424);
    assertThat(answer(r, "b").at("/body/error/code").asString()).isEqualTo("failedDependency");
    assertThat(answer(r, "c").get("status").asInt()).as("a chain fails on").isEqualTo(424);
    assertThat(sandbox.snapshot().at("/users/megan.bowen@contoso.com/interests").toString()).doesNotContain("Chess");

    Reply ok = batch(
        "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + MEGAN + "\",\"dependsOn\":[\"1\"]}",
        "{\"id\":\"1\",\"method\":\"POST\",\"url\":\"" + MEGAN + "\",\"headers\":{\"Content-Type\":"
            + "\"application/json\"},\"body\":{\"displayName\":\"Chess\"}}");
    assertThat(answer(ok, "1").get("status").asInt()).isEqualTo(201);
    assertThat(answer(ok, "2").at("/body/value").toString()).as("the GET ran after the POST").contains("Chess");
  }

  @Test
  void aDependencyCycleOrAnUnknownIdIsRefused() {
    assertThat(batch(
        "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\",\"dependsOn\":[\"2\"]}",
        "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\",\"dependsOn\":[\"1\"]}").status())
        .isEqualTo(400);
    assertThat(batch("{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\",\"dependsOn\":[\"9\"]}")
        .status()).isEqualTo(400);
  }

  /**
   * microsoft-graph-docs-contrib concepts/json-batching.md, the id of a request: "Required. String. A correlation
   * value to associate individual responses with requests. [...] Not case-sensitive. Must be unique in the batch,
   * otherwise, the batch request fails with a `400` error code."
   */
  @Test
  void idsDifferingOnlyInCaseAreTheSameIdSoTheBatchIsRefused() {
    Reply r = batch(get("a", PRONOUNS), get("A", PRONOUNS));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("more than once");
    assertThat(probe.stats().batchItems()).isZero();
  }

  /** The same page: ids are "Not case-sensitive", so dependsOn names its request in any case. */
  @Test
  void dependsOnNamesItsRequestIgnoringCase() {
    Reply r = batch(
        "{\"id\":\"Create\",\"method\":\"POST\",\"url\":\"" + MEGAN + "\",\"headers\":{\"Content-Type\":"
            + "\"application/json\"},\"body\":{\"displayName\":\"Chess\"}}",
        "{\"id\":\"read\",\"method\":\"GET\",\"url\":\"" + MEGAN + "\",\"dependsOn\":[\"CREATE\"]}");

    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    assertThat(answer(r, "Create").get("status").asInt()).isEqualTo(201);
    assertThat(answer(r, "read").at("/body/value").toString()).as("the GET ran after the POST").contains("Chess");
  }

  /**
   * microsoft-graph-docs-contrib concepts/known-issues.md, "JSON batching / Request dependencies are limited":
   * "Currently, requests can only depend on a single other request".
   */
  @Test
  void aRequestMayDependOnOnlyOneOtherRequest() {
    Reply r = batch(get("1", PRONOUNS), get("2", PRONOUNS),
        "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\",\"dependsOn\":[\"1\",\"2\"]}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("single");
    assertThat(probe.stats().batchItems()).isZero();
  }

  @Test
  void faultsApplyToItemsAndCarryTheirHeaders() {
    sandbox.injectFault(Fault.of("GET", PRONOUNS, 503, "serviceNotAvailable", 1).withRetryAfter("1.5"));

    Reply r = batch(get("1", PRONOUNS), get("2", PRONOUNS));

    List<Integer> statuses = new ArrayList<>();
    r.body().get("responses").forEach(a -> statuses.add(a.get("status").asInt()));
    assertThat(statuses).containsExactlyInAnyOrder(503, 200);
    JsonNode failed = answer(r, "1").get("status").asInt() == 503 ? answer(r, "1") : answer(r, "2");
    assertThat(failed.at("/headers/Retry-After").asString()).isEqualTo("1.5");
    assertThat(failed.at("/body/error/code").asString()).isEqualTo("serviceNotAvailable");
  }

  @Test
  void theEnvelopeAndItsItemsAreRecordedAndCounted() {
    probe.clearRequests();
    probe.resetStats();

    batch(get("1", PRONOUNS), get("2", MEGAN));
    client.get(PRONOUNS);

    assertThat(probe.requests()).extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::inBatch)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("POST", "/beta/$batch", false),
            org.assertj.core.groups.Tuple.tuple("GET", "/beta" + PRONOUNS, true),
            org.assertj.core.groups.Tuple.tuple("GET", "/beta" + MEGAN, true),
            org.assertj.core.groups.Tuple.tuple("GET", "/beta" + PRONOUNS, false));
    LoadStats stats = probe.stats();
    assertThat(stats.roundTrips()).isEqualTo(2);
    assertThat(stats.batches()).isEqualTo(1);
    assertThat(stats.batchItems()).isEqualTo(2);
    assertThat(stats.singles()).isEqualTo(1);
    assertThat(stats.requests()).isEqualTo(3);
  }
}
