package org.settingsreconciler.plan;

import org.settingsreconciler.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DifferTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private DesiredState desired(String yaml) throws Exception {
    Path file = dir.resolve("desired.yaml");
    Files.writeString(file, yaml);
    return new DesiredStateLoader().load(List.of(file));
  }

  private static JsonNode json(String s) {
    return JSON.readTree(s);
  }

  /** A singleton or fixed-id object: desired YAML, the tenant's object, and the PATCH body expected (null: none). */
  static Stream<Arguments> objectRules() {
    return Stream.of(
        Arguments.of("same value: no request",
            "people:\n  pronouns:\n    isEnabledInOrganization: true\n",
            "people.pronouns", "{\"isEnabledInOrganization\":true}", null),
        Arguments.of("only what differs is sent",
            "people:\n  itemInsights:\n    isEnabledInOrganization: true\n    disabledForGroup: edbfe4fb-ec70-4300-928f-dbb2ae86c981\n",
            "people.itemInsights", "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}",
            "{\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}"),
        Arguments.of("a key absent from YAML is not managed",
            "people:\n  itemInsights:\n    isEnabledInOrganization: true\n",
            "people.itemInsights", "{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}", null),
        Arguments.of("explicit null means must be null",
            "people:\n  itemInsights:\n    disabledForGroup: null\n",
            "people.itemInsights", "{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}",
            "{\"disabledForGroup\":null}"),
        Arguments.of("group ids compare ignoring case",
            "people:\n  itemInsights:\n    disabledForGroup: EDBFE4FB-EC70-4300-928F-DBB2AE86C981\n",
            "people.itemInsights", "{\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}", null),
        Arguments.of("server fields and the value envelope's extras are ignored",
            "people:\n  namePronunciation:\n    isEnabledInOrganization: false\n",
            "people.namePronunciation",
            "{\"@odata.type\":\"#microsoft.graph.namePronunciationSettings\",\"id\":\"x\",\"isEnabledInOrganization\":false}",
            null),
        Arguments.of("required-in-every-PATCH property comes from the tenant when YAML omits it",
            "copilot:\n  enhancedPersonalization:\n    disabledForGroup: edbfe4fb-ec70-4300-928f-dbb2ae86c981\n",
            "copilot.enhancedPersonalization", "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}",
            "{\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\",\"isEnabledInOrganization\":false}"),
        Arguments.of("required-in-every-PATCH property comes from YAML when set there",
            "copilot:\n  enhancedPersonalization:\n    isEnabledInOrganization: true\n    disabledForGroup: null\n",
            "copilot.enhancedPersonalization",
            "{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}",
            "{\"disabledForGroup\":null,\"isEnabledInOrganization\":true}"),
        Arguments.of("turning limited mode on carries groupId even when groupId is unchanged",
            "copilot:\n  limitedMode:\n    isEnabledForGroup: true\n    groupId: 4c563cdf-0efa-44c5-a384-dbf57db277df\n",
            "copilot.limitedMode", "{\"isEnabledForGroup\":false,\"groupId\":\"4c563cdf-0efa-44c5-a384-dbf57db277df\"}",
            "{\"isEnabledForGroup\":true,\"groupId\":\"4c563cdf-0efa-44c5-a384-dbf57db277df\"}"),
        Arguments.of("turning limited mode off sends only that",
            "copilot:\n  limitedMode:\n    isEnabledForGroup: false\n",
            "copilot.limitedMode", "{\"isEnabledForGroup\":true,\"groupId\":\"4c563cdf-0efa-44c5-a384-dbf57db277df\"}",
            "{\"isEnabledForGroup\":false}"),
        Arguments.of("a policy setting's string value is the property, not an envelope",
            "copilot:\n  policySettings:\n    microsoft.copilot.allowwebsearch:\n      value: \"0\"\n",
            "copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]",
            "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"1\",\"policyId\":\"a1b2c3d4-e5f6-7890-abcd-ef1234567890\"}",
            "{\"value\":\"0\"}"),
        Arguments.of("policyId alone differing still carries value",
            "copilot:\n  policySettings:\n    microsoft.copilot.allowwebsearch:\n      value: \"1\"\n      policyId: 11111111-2222-3333-4444-555555555555\n",
            "copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]",
            "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"1\",\"policyId\":\"a1b2c3d4-e5f6-7890-abcd-ef1234567890\"}",
            "{\"policyId\":\"11111111-2222-3333-4444-555555555555\",\"value\":\"1\"}"),
        Arguments.of("sets ignore order",
            "people:\n  photoUpdateSettings:\n    allowedRoles: [b, a]\n",
            "people.photoUpdateSettings", "{\"allowedRoles\":[\"a\",\"b\"],\"source\":\"cloud\"}", null),
        Arguments.of("sets still see a missing member",
            "people:\n  photoUpdateSettings:\n    allowedRoles: [a]\n",
            "people.photoUpdateSettings", "{\"allowedRoles\":[\"a\",\"b\"]}", "{\"allowedRoles\":[\"a\"]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objectRules")
  void objectRule(String rule, String yaml, String address, String tenant, String expectedBody) throws Exception {
    CurrentState current = new CurrentState();
    current.putObject(address, GraphResult.of(json(tenant)));
    Plan plan = new Differ().diff(desired(yaml), current);
    assertThat(plan.failures()).isEmpty();
    if (expectedBody == null) {
      assertThat(plan.changes()).isEmpty();
      assertThat(plan.unchanged()).isEqualTo(1);
    } else {
      assertThat(plan.changes()).singleElement().isInstanceOf(Update.class);
      Change c = plan.changes().get(0);
      assertThat(c.body()).isEqualTo(json(expectedBody));
      assertThat(c.body().toString()).isEqualTo(json(expectedBody).toString());
      assertThat(c.before().propertyNames()).containsExactlyElementsOf(c.body().propertyNames());
    }
  }

  private static final String INTERESTS = "users[\"adele@contoso.com\"].interests";

  private static CurrentState interests(String items) {
    CurrentState current = new CurrentState();
    List<JsonNode> list = new java.util.ArrayList<>();
    json(items).forEach(list::add);
    current.putCollection(INTERESTS, GraphResult.items(list));
    return current;
  }

  @Test
  void collectionItemsAreCreatedUpdatedAndMatchedIgnoringCase() throws Exception {
    DesiredState desired = desired("""
        users:
          adele@contoso.com:
            interests:
              chelsea fc:
                categories: [Sports, Football]
              Chess: {}
              Hiking:
                categories: [Outdoors]
        """);
    Plan plan = new Differ().diff(desired, interests("""
        [{"id":"i1","displayName":"Chelsea FC","categories":["Sports"]},
         {"id":"i2","displayName":"Hiking","categories":["Outdoors"],"createdDateTime":"2020-07-06T06:34:12Z"},
         {"id":"i3","displayName":"Knitting"}]"""));
    assertThat(plan.changes()).extracting(Change::action, Change::method, Change::path, c -> String.valueOf(c.body()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("create", "POST", "/beta/users/adele@contoso.com/profile/interests",
                "{\"displayName\":\"Chess\"}"),
            org.assertj.core.groups.Tuple.tuple("update", "PATCH", "/beta/users/adele@contoso.com/profile/interests/i1",
                "{\"displayName\":\"chelsea fc\",\"categories\":[\"Sports\",\"Football\"]}"));
    assertThat(plan.unchanged()).isEqualTo(1);
  }

  @Test
  void pruningDeletesOnlyWhenSwitchedOn() throws Exception {
    String tenant = "[{\"id\":\"i3\",\"displayName\":\"Knitting\",\"categories\":[\"Crafts\"]}]";
    String yaml = "users:\n  adele@contoso.com:\n    interests: {}\n";
    assertThat(new Differ().diff(desired(yaml), interests(tenant)).changes()).isEmpty();

    Plan pruned = new Differ().diff(desired(yaml + "prune: [users.interests]\n"), interests(tenant));
    assertThat(pruned.changes()).singleElement().satisfies(c -> {
      assertThat(c).isInstanceOf(Delete.class);
      assertThat(c.path()).isEqualTo("/beta/users/adele@contoso.com/profile/interests/i3");
      assertThat(c.address()).isEqualTo(INTERESTS + "[\"Knitting\"]");
      assertThat(c.before().toString()).isEqualTo("{\"id\":\"i3\",\"displayName\":\"Knitting\",\"categories\":[\"Crafts\"]}");
    });
  }

  @Test
  void itemsWithoutAKeyAreNeverTouchedEvenWhenPruning() throws Exception {
    String tenant = "[{\"id\":\"i1\",\"displayName\":null},{\"id\":\"i2\"},{\"id\":\"i3\",\"displayName\":\"Chess\"}]";
    Plan plan = new Differ().diff(
        desired("users:\n  adele@contoso.com:\n    interests: {}\nprune: [users.interests]\n"), interests(tenant));
    assertThat(plan.changes()).extracting(Change::path)
        .containsExactly("/beta/users/adele@contoso.com/profile/interests/i3");
  }

  @Test
  void theNamelessProfilePropertySettingIsResetNeverDeleted() throws Exception {
    String hr = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";
    String entra = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
    CurrentState current = new CurrentState();
    current.putCollection("people.profilePropertySettings", GraphResult.items(List.of(
        json("{\"id\":\"p0\",\"name\":null,\"prioritizedSourceUrls\":[\"" + hr + "\",\"" + entra + "\"]}"),
        json("{\"id\":\"p1\",\"name\":\"department\",\"prioritizedSourceUrls\":[\"" + entra + "\"]}"))));
    Plan plan = new Differ().diff(
        desired("people:\n  profilePropertySettings: {}\nprune: [people.profilePropertySettings]\n"), current);
    assertThat(plan.changes()).extracting(Change::method, Change::path, c -> String.valueOf(c.body()))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("PATCH", "/v1.0/admin/people/profilePropertySettings/p0",
                "{\"prioritizedSourceUrls\":[\"" + entra + "\"]}"),
            org.assertj.core.groups.Tuple.tuple("DELETE", "/v1.0/admin/people/profilePropertySettings/p1", "null"));
  }

  @Test
  void aNamedProfilePropertySettingIsResetBeforeItIsDeleted() throws Exception {
    String hr = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";
    String entra = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
    CurrentState current = new CurrentState();
    current.putCollection("people.profilePropertySettings", GraphResult.items(List.of(
        json("{\"id\":\"p1\",\"name\":\"department\",\"prioritizedSourceUrls\":[\"" + hr + "\"]}"))));
    Plan plan = new Differ().diff(
        desired("people:\n  profilePropertySettings: {}\nprune: [people.profilePropertySettings]\n"), current);
    assertThat(plan.changes()).extracting(Change::method, c -> String.valueOf(c.body()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PATCH", "{\"prioritizedSourceUrls\":[\"" + entra + "\"]}"),
            org.assertj.core.groups.Tuple.tuple("DELETE", "null"));
  }

  @Test
  void aNamedProfilePropertySettingWithAnEmptyOrNoSourceListIsResetBeforeItIsDeleted() throws Exception {
    // Graph deletes one only when its list holds the Entra ID source alone; an empty list does not hold it either.
    String entra = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
    CurrentState current = new CurrentState();
    current.putCollection("people.profilePropertySettings", GraphResult.items(List.of(
        json("{\"id\":\"p1\",\"name\":\"department\",\"prioritizedSourceUrls\":[]}"),
        json("{\"id\":\"p2\",\"name\":\"office\",\"prioritizedSourceUrls\":null}"))));
    Plan plan = new Differ().diff(
        desired("people:\n  profilePropertySettings: {}\nprune: [people.profilePropertySettings]\n"), current);
    assertThat(plan.changes()).extracting(Change::method, Change::path, c -> String.valueOf(c.body()))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PATCH", "/v1.0/admin/people/profilePropertySettings/p1",
                "{\"prioritizedSourceUrls\":[\"" + entra + "\"]}"),
            org.assertj.core.groups.Tuple.tuple("DELETE", "/v1.0/admin/people/profilePropertySettings/p1", "null"),
            org.assertj.core.groups.Tuple.tuple("PATCH", "/v1.0/admin/people/profilePropertySettings/p2",
                "{\"prioritizedSourceUrls\":[\"" + entra + "\"]}"),
            org.assertj.core.groups.Tuple.tuple("DELETE", "/v1.0/admin/people/profilePropertySettings/p2", "null"));
  }

  @Test
  void theNamelessSettingCreatedWithoutAListSendsTheEntraIdSourceRatherThanAnEmptyBody() throws Exception {
    CurrentState current = new CurrentState();
    current.putCollection("people.profilePropertySettings", GraphResult.items(List.of()));
    Plan plan = new Differ().diff(
        desired("people:\n  profilePropertySettings:\n    sourcePrecedence:\n      displayName: null\n"), current);
    assertThat(plan.changes()).extracting(Change::method, c -> String.valueOf(c.body()))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "{\"prioritizedSourceUrls\":[\""
            + ProfilePropertySettings.ENTRA_SOURCE_URL + "\"]}"));

  }

  @Test
  void anEmptyGroupIdIsNoGroupId() throws Exception {
    CurrentState current = new CurrentState();
    current.putObject("people.itemInsights", GraphResult.of(json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"\"}")));
    assertThat(new Differ().diff(desired("people:\n  itemInsights:\n    disabledForGroup: null\n"), current).changes())
        .isEmpty();
  }

  @Test
  void graphAppendingTheEntraSourceIsNotDrift() throws Exception {
    String hr = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";
    String entra = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
    CurrentState current = new CurrentState();
    current.putCollection("people.profilePropertySettings", GraphResult.items(List.of(
        json("{\"id\":\"p0\",\"name\":null,\"prioritizedSourceUrls\":[\"" + hr + "\",\"" + entra + "\"]}"))));
    String yaml = "people:\n  profilePropertySettings:\n    sourcePrecedence:\n      prioritizedSourceUrls:\n        - \"" + hr + "\"\n";
    assertThat(new Differ().diff(desired(yaml), current).changes()).isEmpty();

    String reordered = "people:\n  profilePropertySettings:\n    sourcePrecedence:\n      prioritizedSourceUrls:\n        - \"" + entra + "\"\n        - \"" + hr + "\"\n";
    assertThat(new Differ().diff(desired(reordered), current).changes()).singleElement()
        .extracting(Change::method).isEqualTo("PATCH");
  }

  @Test
  void aReadThatFailedIsAnErrorAndNeverDrift() throws Exception {
    CurrentState current = new CurrentState();
    GraphError error = new GraphError(503, "serviceNotAvailable", null, "down", "req-1", null);
    current.putObject("people.pronouns", GraphResult.failed(error));
    current.putObject("people.namePronunciation", GraphResult.of(json("{\"isEnabledInOrganization\":false}")));
    current.putCollection(INTERESTS, GraphResult.failed(error));
    Plan plan = new Differ().diff(desired("""
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
        users:
          adele@contoso.com:
            interests:
              Chess: {}
        prune: [users.interests]
        """), current);
    assertThat(plan.failures()).extracting(ReadFailure::address)
        .containsExactly("people.pronouns", INTERESTS);
    assertThat(plan.changes()).extracting(Change::address).containsExactly("people.namePronunciation");
  }
}
