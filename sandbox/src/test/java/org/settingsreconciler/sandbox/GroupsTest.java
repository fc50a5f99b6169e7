package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/** The directory's groups: seeded, filtered by displayName (eq and in, quotes doubled), selected, paged. */
class GroupsTest {

  private static final String SEED = """
      {"groups": [
        {"id": "11111111-1111-1111-1111-111111111111", "displayName": "Copilot Pilot", "mail": "pilot@contoso.com"},
        {"id": "22222222-2222-2222-2222-222222222222", "displayName": "Sales"},
        {"id": "33333333-3333-3333-3333-333333333333", "displayName": "Sales"},
        {"id": "44444444-4444-4444-4444-444444444444", "displayName": "O'Brien's Team"},
        {"displayName": "No Id In Seed"}
      ]}
      """;

  private GraphSandbox sandbox;
  private SandboxClient client;

  @BeforeEach
  void start() throws IOException {
    sandbox = GraphSandbox.start(0, null, SandboxClient.json(SEED));
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Reply filter(String clause) {
    return client.get("/groups?$filter=" + URLEncoder.encode(clause, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  private static List<String> ids(Reply r) {
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.body().get("value").forEach(g -> out.add(g.get("id").asString()));
    return out;
  }

  @Test
  void displayNameEqFindsOneIgnoringCase() {
    assertThat(ids(filter("displayName eq 'copilot pilot'"))).containsExactly("11111111-1111-1111-1111-111111111111");
  }

  @Test
  void severalGroupsMayShareAName() {
    assertThat(ids(filter("displayName eq 'Sales'")))
        .containsExactly("22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333");
  }

  @Test
  void aQuoteInsideTheLiteralIsDoubled() {
    assertThat(ids(filter("displayName eq 'O''Brien''s Team'"))).containsExactly("44444444-4444-4444-4444-444444444444");
  }

  @Test
  void inAsksForSeveralNamesAtOnce() {
    assertThat(ids(filter("displayName in ('Copilot Pilot', 'O''Brien''s Team', 'Nobody')")))
        .containsExactly("11111111-1111-1111-1111-111111111111", "44444444-4444-4444-4444-444444444444");
  }

  @Test
  void noMatchIsAnEmptyList() {
    assertThat(ids(filter("displayName eq 'Nobody'"))).isEmpty();
  }

  @Test
  void otherFiltersAreRefusedAsGraphRefusesThem() {
    Reply r = filter("endswith(displayName,'es')");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("Request_UnsupportedQuery");
  }

  /**
   * microsoft-graph-docs-contrib concepts/known-issues.md, "Some limitations apply to query parameters": "When using
   * the `in` operator, the request is limited to 15 expressions in the filter clause by default".
   */
  @Test
  void inTakesAtMostFifteenNames() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      names.add("'Group " + i + "'");
    }
    assertThat(ids(filter("displayName in (" + String.join(",", names) + ")"))).isEmpty();

    names.add("'Sales'");
    Reply sixteen = filter("displayName in (" + String.join(",", names) + ")");

    assertThat(sixteen.status()).isEqualTo(400);
    assertThat(sixteen.errorCode()).isEqualTo("Request_UnsupportedQuery");
  }

  /**
   * The same page: "When filtering using the `eq` operator, the maximum limit of the value to match is 120
   * characters. [...] This limitation applies even for properties like **displayName** on directory objects that can
   * be up to 256 characters."
   */
  @Test
  void eqMatchesAValueOfAtMost120Characters() {
    assertThat(ids(filter("displayName eq '" + "a".repeat(120) + "'"))).isEmpty();

    Reply longer = filter("displayName eq '" + "a".repeat(121) + "'");

    assertThat(longer.status()).isEqualTo(400);
    assertThat(longer.errorCode()).isEqualTo("Request_UnsupportedQuery");
  }

  /** The groups list page names startsWith among displayName's filters; like eq, it ignores letter case. */
  @Test
  void startswithMatchesTheBeginningOfTheNameIgnoringCase() {
    assertThat(ids(filter("startswith(displayName,'SAL')")))
        .containsExactly("22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333");
    assertThat(ids(filter("startswith(displayName,'O''Brien')"))).containsExactly("44444444-4444-4444-4444-444444444444");
    assertThat(ids(filter("startswith(displayName,'ales')"))).isEmpty();
  }

  /** concepts/query-parameters.md: "On the beta endpoint, the `$` prefix is optional." (This client is beta's.) */
  @Test
  void onBetaFilterAndSelectWorkWithoutTheirDollar() {
    Reply r = client.get("/groups?filter=" + URLEncoder.encode("displayName eq 'Sales'", StandardCharsets.UTF_8)
        .replace("+", "%20") + "&select=id");

    assertThat(ids(r)).containsExactly("22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333");
    assertThat(r.body().at("/value/0").propertyNames()).containsExactly("id");
  }

  @Test
  void selectKeepsOnlyTheNamedProperties() {
    JsonNode g = client.get("/groups?$select=id,displayName").body().get("value").get(0);
    assertThat(g.propertyNames()).containsExactly("id", "displayName");
  }

  @Test
  void seedsWithoutIdsGetStableOnes() {
    JsonNode last = client.get("/groups").body().get("value").get(4);
    assertThat(last.get("id").asString()).matches("[0-9a-f-]{36}");
    assertThat(client.get("/groups/" + last.get("id").asString()).body().get("displayName").asString())
        .isEqualTo("No Id In Seed");
  }

  @Test
  void oneGroupByIdOr404() {
    Reply found = client.get("/groups/11111111-1111-1111-1111-111111111111");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body().get("displayName").asString()).isEqualTo("Copilot Pilot");
    Reply missing = client.get("/groups/99999999-9999-9999-9999-999999999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("Request_ResourceNotFound");
  }

  @Test
  void listsArePagedWithNextLinks() {
    sandbox.setPageSize(2);
    Reply first = filter("displayName in ('Sales', 'Copilot Pilot')");
    assertThat(ids(first)).hasSize(2);
    Reply second = client.get(first.body().get("@odata.nextLink").asString());
    assertThat(ids(second)).containsExactly("33333333-3333-3333-3333-333333333333");
  }

  @Test
  void groupsAreReadOnly() {
    assertThat(client.post("/groups", "{\"displayName\":\"New\"}").status()).isEqualTo(405);
  }

  @Test
  void theDemoTenantNamesTheExampleGroups() throws IOException {
    try (GraphSandbox demo = GraphSandbox.start(0, null, null)) {
      Reply r = new SandboxClient(demo).get("/groups/edbfe4fb-ec70-4300-928f-dbb2ae86c981");
      assertThat(r.body().get("displayName").asString()).isEqualTo("Copilot Pilot");
    }
  }
}
