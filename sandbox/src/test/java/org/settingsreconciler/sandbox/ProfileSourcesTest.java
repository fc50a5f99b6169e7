package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Profile sources, as the docs describe them (profilesource.md and its pages): a list, and one source addressed by the
 * alternate key sourceId, {@code profileSources(sourceId='...')}; sourceId unique and not updateable; the Entra ID
 * source there from the start.
 */
class ProfileSourcesTest extends FreshSandbox {

  private static final String SOURCES = "/admin/people/profileSources";
  private static final String ENTRA_ID = "4ce763dd-9214-4eff-af7c-da491cc3782d";
  /** The docs' create example. */
  private static final String BAMBOO = """
      {"sourceId": "bamboohr1", "displayName": "HR Platform", "kind": "BambooHR",
       "webUrl": "https://bamboohr.contoso.com/login",
       "localizations": [{"displayName": "HR-Plattform", "webUrl": "http://bamboohr.contoso.com/de/login",
                          "languageTag": "de"}]}
      """;

  private static String one(String sourceId) {
    return SOURCES + "(sourceId='" + sourceId + "')";
  }

  @Test
  void aTenantNobodyConfiguredHoldsTheEntraIdSource() {
    Reply r = client.get(SOURCES);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("value")).hasSize(1);
    JsonNode entra = r.body().at("/value/0");
    assertThat(entra.get("sourceId").asString()).isEqualTo(ENTRA_ID);
    assertThat(entra.get("kind").asString()).isEqualTo("MSEntra");
    assertThat(entra.get("@odata.type").asString()).isEqualTo("#microsoft.graph.profileSource");
  }

  @Test
  void createGetUpdateAndDeleteBySourceId() {
    Reply created = client.post(SOURCES, BAMBOO);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.body().get("id").asString()).as("a system-generated id").matches("[0-9a-f-]{36}");
    assertThat(created.body().at("/localizations/0/languageTag").asString()).isEqualTo("de");

    Reply got = client.get(one("bamboohr1"));
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body().has("value")).as("answered bare, as the get page shows").isFalse();
    assertThat(got.body().get("displayName").asString()).isEqualTo("HR Platform");

    Reply patched = client.patch(one("bamboohr1"),
        "{\"sourceId\":\"bamboohr1\",\"displayName\":\"BambooHR Updated\",\"localizations\":[]}");
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.body().get("displayName").asString()).isEqualTo("BambooHR Updated");
    assertThat(patched.body().get("localizations")).isEmpty();

    assertThat(client.delete(one("bamboohr1")).status()).isEqualTo(204);
    assertThat(client.get(one("bamboohr1")).status()).isEqualTo(404);
    assertThat(client.get(SOURCES).body().get("value")).hasSize(1);
  }

  @Test
  void theKeyIsAnODataStringLiteralPercentEncodedOrNot() {
    assertThat(client.post(SOURCES, "{\"sourceId\":\"o'brien hr\",\"kind\":\"Custom\"}").status()).isEqualTo(201);

    Reply r = client.get(SOURCES + "(sourceId='o%27%27brien%20hr')");

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.body().get("sourceId").asString()).isEqualTo("o'brien hr");
  }

  @Test
  void sourceIdIsMatchedExactly() {
    client.post(SOURCES, BAMBOO);

    assertThat(client.get(one("BambooHR1")).status()).isEqualTo(404);
    assertThat(client.post(SOURCES, BAMBOO.replace("bamboohr1", "BambooHR1")).status()).isEqualTo(201);
  }

  @Test
  void onlyTheAlternateKeyAddressesASource() {
    client.post(SOURCES, BAMBOO);

    assertThat(client.get(SOURCES + "/bamboohr1").status()).isEqualTo(400);
    assertThat(client.get(SOURCES + "(sourceId=bamboohr1)").status()).isEqualTo(400);
    assertThat(client.get(SOURCES + "(kind='BambooHR')").status()).isEqualTo(400);
  }

  @Test
  void sourceIdIsUniqueRequiredAndNotUpdateable() {
    client.post(SOURCES, BAMBOO);

    Reply twice = client.post(SOURCES, BAMBOO);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.errorCode()).isEqualTo("nameAlreadyExists");

    assertThat(client.post(SOURCES, "{\"displayName\":\"No id\"}").status()).isEqualTo(400);

    Reply renamed = client.patch(one("bamboohr1"), "{\"sourceId\":\"bamboohr2\"}");
    assertThat(renamed.status()).isEqualTo(400);
    assertThat(renamed.errorMessage()).contains("sourceId");
    assertThat(client.get(one("bamboohr1")).status()).isEqualTo(200);
  }

  @Test
  void theEntraIdSourceIsNeverDeleted() {
    Reply r = client.delete(one(ENTRA_ID));

    assertThat(r.status()).isEqualTo(400);
    assertThat(client.get(one(ENTRA_ID)).status()).isEqualTo(200);
  }

  @Test
  void bodiesAreJudgedByTheMetadata() {
    assertThat(client.post(SOURCES, "{\"sourceId\":\"x\",\"localizations\":[\"de\"]}").status()).isEqualTo(400);
    assertThat(client.post(SOURCES, "{\"sourceId\":\"x\",\"priority\":1}").status()).isEqualTo(400);
    assertThat(client.get(SOURCES).body().get("value")).hasSize(1);
  }

  @Test
  void servedInBothVersions() {
    SandboxClient v1 = new SandboxClient(sandbox, ApiVersion.V1_0);

    assertThat(v1.get(SOURCES).status()).isEqualTo(200);
    assertThat(v1.get(one(ENTRA_ID)).status()).isEqualTo(200);
  }
}
