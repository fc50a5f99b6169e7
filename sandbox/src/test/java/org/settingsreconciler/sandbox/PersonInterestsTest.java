package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/** A user's interests (docs/graph-facts.md 5) and the minimal /users directory. */
class PersonInterestsTest extends FreshSandbox {

  private static final String ADELE = "adele.vance@contoso.com";
  private static final String ADELE_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

  private static String interests(String user) {
    return "/users/" + user + "/profile/interests";
  }

  @Test
  void listsByUpnOrIdIgnoringCase() {
    Reply byUpn = client.get(interests("Adele.Vance@Contoso.com"));
    Reply byId = client.get(interests(ADELE_ID.toUpperCase()));

    assertThat(byUpn.body().get("value")).extracting(n -> n.get("displayName").asString())
        .containsExactly("Chelsea FC", "Hiking");
    assertThat(byId.body().get("value")).isEqualTo(byUpn.body().get("value"));
    assertThat(byUpn.body().get("@odata.context").asString()).endsWith("users('" + ADELE_ID + "')/profile/interests");
  }

  @Test
  void aUserMayBeNamedInParenthesesAndANameThatBeginsWithADollarMustBe() {
    Reply inParentheses = client.get("/users('" + ADELE + "')/profile/interests");
    Reply quoted = client.get("/users('it''s@contoso.com')/profile/interests");
    Reply dollar = client.get("/users/$adele@contoso.com/profile/interests");

    assertThat(inParentheses.status()).isEqualTo(200);
    assertThat(inParentheses.body().get("value")).isEqualTo(client.get(interests(ADELE)).body().get("value"));
    assertThat(quoted.status()).as("the quote doubled in the literal, one in the name: no such user").isEqualTo(404);
    // user-get.md: "/users/$x@y.com fails with a 400 Bad Request error code".
    assertThat(dollar.status()).isEqualTo(400);
    assertThat(dollar.errorMessage()).contains("/users('$adele@contoso.com')");
  }

  @Test
  void unknownUserIs404RequestResourceNotFound() {
    Reply r = client.get(interests("nobody@contoso.com"));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("Request_ResourceNotFound");
  }

  @Test
  void createSetsServerFields() {
    Reply r = client.post(interests("megan.bowen@contoso.com"),
        "{\"categories\":[\"Sports\"],\"description\":\"World's greatest football club\","
            + "\"displayName\":\"Chelsea FC\",\"webUrl\":\"https://www.chelseafc.com\"}");

    assertThat(r.status()).isEqualTo(201);
    JsonNode b = r.body();
    assertThat(b.get("id").asString()).matches("[0-9a-f-]{36}");
    assertThat(b.get("allowedAudiences").asString()).isEqualTo("organization");
    assertThat(b.get("inference").isNull()).isTrue();
    assertThat(b.get("collaborationTags").isNull()).isTrue();
    assertThat(b.get("createdDateTime").asString()).endsWith("Z");
    assertThat(b.at("/createdBy/user/displayName").asString()).isEqualTo("Megan Bowen");
    assertThat(b.at("/createdBy/user/id").asString()).isEqualTo("48d31887-5fad-4d73-a9f5-3c356e68a038");
    assertThat(b.get("lastModifiedBy")).isEqualTo(b.get("createdBy"));
    assertThat(b.get("@odata.type").asString()).isEqualTo("#microsoft.graph.personInterest");
  }

  @Test
  void crudRoundTrip() {
    String created = client.post(interests(ADELE),
        "{\"displayName\":\"Chess\",\"collaborationTags\":[\"ableToMentor\"],\"allowedAudiences\":\"everyone\"}")
        .body().get("id").asString();

    Reply one = client.get(interests(ADELE) + "/" + created);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().has("value")).isFalse(); // the docs show interests unwrapped
    assertThat(one.body().get("allowedAudiences").asString()).isEqualTo("everyone");

    Reply patched = client.patch(interests(ADELE) + "/" + created, "{\"description\":\"Openings\"}");
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().get("description").asString()).isEqualTo("Openings");
    assertThat(patched.body().get("displayName").asString()).isEqualTo("Chess");

    assertThat(client.delete(interests(ADELE) + "/" + created).status()).isEqualTo(204);
    assertThat(client.get(interests(ADELE) + "/" + created).status()).isEqualTo(404);
    assertThat(client.get(interests(ADELE)).body().get("value")).hasSize(2);
  }

  @Test
  void patchUpdatesLastModifiedButNotCreated() {
    JsonNode before = client.get(interests(ADELE)).body().at("/value/0");

    JsonNode after = client.patch(interests(ADELE) + "/" + before.get("id").asString(),
        "{\"webUrl\":\"https://www.chelseafc.com/en\"}").body();

    assertThat(after.get("createdDateTime")).isEqualTo(before.get("createdDateTime"));
    assertThat(after.get("lastModifiedDateTime").asString())
        .isGreaterThan(before.get("lastModifiedDateTime").asString());
  }

  @Test
  void serverFieldsAreReadOnly() {
    String id = client.get(interests(ADELE)).body().at("/value/0/id").asString();

    Reply r = client.patch(interests(ADELE) + "/" + id, "{\"createdDateTime\":\"2020-01-01T00:00:00Z\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("read-only");
  }

  /** Microsoft's metadata types collaborationTags as Collection(Edm.String): any string, but strings only. */
  @Test
  void collaborationTagsAreStringsAsTheMetadataTypesThem() {
    assertThat(client.post(interests(ADELE), "{\"displayName\":\"Go\",\"collaborationTags\":[\"wantsToPlay\"]}")
        .status()).isEqualTo(201);
    Reply number = client.post(interests(ADELE), "{\"displayName\":\"Go\",\"collaborationTags\":[7]}");
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.errorMessage()).contains("collaborationTags[0]").contains("Edm.String");
    assertThat(client.post(interests(ADELE), "{\"displayName\":\"Go\",\"collaborationTags\":[null]}").status())
        .isEqualTo(400);
  }

  /** inference is the complex inferenceData: its own properties only, each of its type. */
  @Test
  void inferenceIsCheckedAgainstItsComplexType() {
    Reply unknown = client.post(interests(ADELE), "{\"displayName\":\"Go\",\"inference\":{\"score\":1}}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorMessage()).contains("'score' does not exist on type 'microsoft.graph.inferenceData'");
    assertThat(client.post(interests(ADELE),
        "{\"displayName\":\"Go\",\"inference\":{\"confidenceScore\":\"high\"}}").status()).isEqualTo(400);
    assertThat(client.post(interests(ADELE), "{\"displayName\":\"Go\",\"source\":{\"type\":[\"User\"]}}")
        .status()).isEqualTo(201);
  }

  @Test
  void allowedAudiencesMustBeFlagsOfTheEnum() {
    assertThat(client.post(interests(ADELE), "{\"displayName\":\"Go\",\"allowedAudiences\":\"friends\"}").status())
        .isEqualTo(400);
    assertThat(client.post(interests(ADELE),
        "{\"displayName\":\"Go\",\"allowedAudiences\":\"organization,federatedOrganizations\"}").status())
        .isEqualTo(201);
  }

  /**
   * microsoft-graph-docs-contrib api-reference/beta/api/personinterest-update.md lists inference among "the properties
   * that are possible to update": "|inference|[inferenceData](../resources/inferencedata.md)|Contains inference detail
   * if the entity is inferred by the creating or modifying application." source is in the create table only.
   */
  @Test
  void inferenceIsUpdatableButSourceOnlyOnCreate() {
    Reply created = client.post(interests(ADELE),
        "{\"displayName\":\"Go\",\"inference\":{\"confidenceScore\":0.5,\"userHasVerifiedAccuracy\":false}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().at("/inference/confidenceScore").asDouble()).isEqualTo(0.5);
    String item = interests(ADELE) + "/" + created.body().get("id").asString();

    Reply inference = client.patch(item, "{\"inference\":{\"confidenceScore\":0.9,\"userHasVerifiedAccuracy\":true}}");
    assertThat(inference.status()).as(String.valueOf(inference.body())).isEqualTo(200);
    assertThat(inference.body().at("/inference/userHasVerifiedAccuracy").asBoolean()).isTrue();
    assertThat(client.patch(item, "{\"inference\":null}").status()).isEqualTo(200);

    Reply source = client.patch(item, "{\"source\":{\"type\":[\"User\"]}}");
    assertThat(source.status()).isEqualTo(400);
    assertThat(source.errorMessage()).contains("'source'").contains("read-only");
  }

  @Test
  void interestsHaveNoServerSideKeySoDuplicateNamesAreAllowed() {
    Reply r = client.post(interests(ADELE), "{\"displayName\":\"hiking\"}");

    assertThat(r.status()).isEqualTo(201);
  }

  @Test
  void createNeedsADisplayName() {
    assertThat(client.post(interests(ADELE), "{\"description\":\"nameless\"}").status()).isEqualTo(400);
  }

  @Test
  void usersListAndSingleUser() {
    Reply list = client.get("/users");
    assertThat(list.body().get("value")).extracting(n -> n.get("userPrincipalName").asString())
        .containsExactly("adele.vance@contoso.com", "megan.bowen@contoso.com", "alex.wilber@contoso.com");
    assertThat(list.body().at("/value/0").propertyNames())
        .containsExactlyInAnyOrder("id", "userPrincipalName", "displayName");

    Reply one = client.get("/users/" + ADELE_ID);
    assertThat(one.body().get("userPrincipalName").asString()).isEqualTo(ADELE);
    assertThat(one.body().get("displayName").asString()).isEqualTo("Adele Vance");
    assertThat(client.get("/users/ghost@contoso.com").status()).isEqualTo(404);
  }
}
