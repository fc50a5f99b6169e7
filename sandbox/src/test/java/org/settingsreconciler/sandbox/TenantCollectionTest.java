package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/** Tenant collections: profile card properties (id is the key) and profile property settings (server ids). */
class TenantCollectionTest extends FreshSandbox {

  private static final String CARDS = "/admin/people/profileCardProperties";
  private static final String SETTINGS = "/admin/people/profilePropertySettings";
  private static final String ENTRA =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
  private static final String HR =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";

  @Test
  void cardPropertyRoundTrip() {
    Reply created = client.post(CARDS,
        "{\"directoryPropertyName\":\"customAttribute2\",\"annotations\":[{\"displayName\":\"Building\","
            + "\"localizations\":[]}]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("directoryPropertyName").asString()).isEqualTo("CustomAttribute2");
    assertThat(created.body().get("@odata.type").asString()).isEqualTo("#microsoft.graph.profileCardProperty");

    assertThat(client.get(CARDS + "/CUSTOMATTRIBUTE2").body().at("/annotations/0/displayName").asString())
        .isEqualTo("Building");

    Reply patched = client.patch(CARDS + "/CustomAttribute2",
        "{\"annotations\":[{\"displayName\":\"Office\",\"localizations\":[]}]}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().at("/annotations/0/displayName").asString()).isEqualTo("Office");
    assertThat(client.get(CARDS).body().get("value")).hasSize(3);

    assertThat(client.delete(CARDS + "/CustomAttribute2").status()).isEqualTo(204);
    assertThat(client.get(CARDS + "/CustomAttribute2").status()).isEqualTo(404);
    assertThat(client.get(CARDS).body().get("value")).hasSize(2);
  }

  @Test
  void listCarriesContextAndTypedItems() {
    Reply r = client.get(CARDS);

    assertThat(r.body().get("@odata.context").asString()).endsWith("$metadata#admin/people/profileCardProperties");
    assertThat(r.body().get("value")).extracting(n -> n.get("directoryPropertyName").asString())
        .containsExactly("CustomAttribute1", "Alias");
    assertThat(r.body().has("@odata.nextLink")).isFalse();
  }

  @Test
  void duplicateCardKeyIsAConflictIgnoringCase() {
    Reply r = client.post(CARDS, "{\"directoryPropertyName\":\"alias\",\"annotations\":[]}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("nameAlreadyExists");
  }

  @Test
  void cardAttributeMustBeDocumented() {
    Reply r = client.post(CARDS, "{\"directoryPropertyName\":\"CustomAttribute16\",\"annotations\":[]}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("CustomAttribute16");
  }

  @Test
  void cardAttributeCannotBeRenamed() {
    Reply r = client.patch(CARDS + "/Alias", "{\"directoryPropertyName\":\"Fax\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(client.get(CARDS + "/Alias").status()).isEqualTo(200);
  }

  @Test
  void cardCreateNeedsTheKey() {
    assertThat(client.post(CARDS, "{\"annotations\":[]}").status()).isEqualTo(400);
  }

  @Test
  void cardAnnotationsMustBeObjects() {
    assertThat(client.patch(CARDS + "/Alias", "{\"annotations\":[\"x\"]}").status()).isEqualTo(400);
  }

  @Test
  void unknownItemIs404ItemNotFound() {
    Reply r = client.get(SETTINGS + "/00000000-0000-0000-0000-00000000dead");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("itemNotFound");
  }

  @Test
  void profilePropertySettingGetIsWrappedAsDocumented() {
    String id = client.get(SETTINGS).body().at("/value/0/id").asString();

    Reply r = client.get(SETTINGS + "/" + id);

    assertThat(r.body().get("value").get("id").asString()).isEqualTo(id);
    assertThat(r.body().get("value").get("@odata.type").asString())
        .isEqualTo("#microsoft.graph.profilePropertySetting");
    assertThat(r.body().get("value").propertyNames())
        .contains("id", "name", "displayName", "prioritizedSourceUrls");
  }

  @Test
  void createAppendsTheEntraSourceAsTheDocsShow() {
    Reply r = client.post(SETTINGS,
        "{\"@odata.type\":\"#microsoft.graph.profilePropertySetting\",\"name\":\"skills\","
            + "\"prioritizedSourceUrls\":[\"" + HR + "\"]}");

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body().get("id").asString()).matches("[0-9a-f-]{36}");
    assertThat(r.body().get("displayName").isNull()).isTrue();
    assertThat(r.body().get("prioritizedSourceUrls")).extracting(JsonNode::asString).containsExactly(HR, ENTRA);
  }

  @Test
  void patchAppendsTheEntraSourceButKeepsAnExplicitOne() {
    String id = client.get(SETTINGS).body().at("/value/0/id").asString();

    Reply appended = client.patch(SETTINGS + "/" + id, "{\"prioritizedSourceUrls\":[\"" + HR + "\"]}");
    assertThat(appended.body().get("prioritizedSourceUrls")).extracting(JsonNode::asString)
        .containsExactly(HR, ENTRA);

    Reply explicit = client.patch(SETTINGS + "/" + id,
        "{\"prioritizedSourceUrls\":[\"" + ENTRA + "\",\"" + HR + "\"]}");
    assertThat(explicit.body().get("prioritizedSourceUrls")).extracting(JsonNode::asString)
        .containsExactly(ENTRA, HR);
  }

  @Test
  void aSettingTheTenantHoldsTwiceCanStillBeUpdatedButNothingCanBeRenamedOntoATakenName() {
    // Graph does hold duplicates (the tool reports them); a write that keeps an item's name does not make one.
    sandbox.load(SandboxClient.json("""
        {"resources": {"people.profilePropertySettings": [
          {"id": "d1", "name": "Dept", "prioritizedSourceUrls": []},
          {"id": "d2", "name": "dept", "prioritizedSourceUrls": []},
          {"id": "c1", "name": "Cost Center", "prioritizedSourceUrls": []}]}}
        """));

    Reply kept = client.patch(SETTINGS + "/d1", "{\"displayName\":\"Department\"}");
    Reply renamed = client.patch(SETTINGS + "/c1", "{\"name\":\"DEPT\"}");

    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
    assertThat(renamed.status()).isEqualTo(409);
    assertThat(renamed.errorCode()).isEqualTo("nameAlreadyExists");
  }

  @Test
  void onlyOneNamelessSettingMayExist() {
    Reply r = client.post(SETTINGS, "{\"prioritizedSourceUrls\":[\"" + HR + "\"]}");

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("nameAlreadyExists");
    assertThat(client.get(SETTINGS).body().get("value")).hasSize(1);
  }

  @Test
  void deleteIsRefusedUnlessOnlyTheEntraSourceRemains() {
    String id = client.get(SETTINGS).body().at("/value/0/id").asString();
    client.patch(SETTINGS + "/" + id, "{\"prioritizedSourceUrls\":[\"" + HR + "\"]}");

    Reply refused = client.delete(SETTINGS + "/" + id);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("invalidRequest");
    assertThat(client.get(SETTINGS + "/" + id).status()).isEqualTo(200);

    client.patch(SETTINGS + "/" + id, "{\"prioritizedSourceUrls\":[\"" + ENTRA + "\"]}");
    assertThat(client.delete(SETTINGS + "/" + id).status()).isEqualTo(204);
    assertThat(client.get(SETTINGS).body().get("value")).isEmpty();
  }

  @Test
  void postValidatesLikePatch() {
    assertThat(client.post(SETTINGS, "{\"name\":\"x\",\"id\":\"y\"}").status()).isEqualTo(400);
    assertThat(client.post(SETTINGS, "{\"name\":\"x\",\"allowedAudiences\":\"everyone\"}").status()).isEqualTo(400);
    assertThat(client.post(SETTINGS, "{\"name\":\"x\",\"prioritizedSourceUrls\":\"" + HR + "\"}").status())
        .isEqualTo(400);
    assertThat(client.post(SETTINGS, "{}").status()).isEqualTo(400);
    assertThat(client.get(SETTINGS).body().get("value")).hasSize(1);
  }

  @Test
  void collectionItemRefusesPost() {
    assertThat(client.post(CARDS + "/Alias", "{\"annotations\":[]}").status()).isEqualTo(405);
  }
}
