package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * Profile property settings exist in v1.0 and beta, and Microsoft documents them apart: what each version's pages
 * require, the metadata each version has, and the Entra ID source each version's examples show Graph appending.
 */
class ProfilePropertySettingsByVersionTest extends FreshSandbox {

  private static final String SETTINGS = "/admin/people/profilePropertySettings";
  private static final String HR_V1 =
      "https://graph.microsoft.com/v1.0/admin/people/profileSources(sourceId='contosohr1')";
  private static final String ENTRA_V1 =
      "https://graph.microsoft.com/v1.0/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
  private static final String ENTRA_BETA =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";

  private SandboxClient v1;
  private String nameless;

  @BeforeEach
  void v1Client() {
    v1 = new SandboxClient(sandbox, ApiVersion.V1_0);
    nameless = client.get(SETTINGS).body().at("/value/0/id").asString();
  }

  /**
   * microsoft-graph-docs-contrib api-reference/v1.0/api/peopleadminsettings-post-profilepropertysettings.md:
   * "|prioritizedSourceUrls|String collection|A collection of prioritized profile source URLs ordered by data
   * precedence within an organization. Required.|". The beta create page marks nothing required. (The v1.0 update
   * page marks it "Required" too, but its own intro says to "supply *only* the values for properties to update": the
   * sandbox does not hold updates to that.)
   */
  @Test
  void v1RequiresThePrioritizedSourceUrlsOnCreate() {
    Reply create = v1.post(SETTINGS, "{\"displayName\":\"Skills\"}");

    assertThat(create.status()).isEqualTo(400);
    assertThat(create.errorMessage()).contains("prioritizedSourceUrls");
    assertThat(client.get(SETTINGS).body().get("value")).hasSize(1);
    assertThat(client.post(SETTINGS, "{\"displayName\":\"Skills\"}").status()).as("beta").isEqualTo(201);
    assertThat(v1.patch(SETTINGS + "/" + nameless, "{\"displayName\":\"Precedence\"}").status()).isEqualTo(200);
  }

  /**
   * Microsoft's v1.0 metadata (sandbox/src/main/resources/metadata/v1.0.json) types prioritizedSourceUrls
   * Collection(Edm.String) with Nullable="false"; beta's is nullable. A v1.0 write is judged by v1.0's metadata.
   */
  @Test
  void v1BodiesAreJudgedByTheV1Metadata() {
    Reply v1Null = v1.patch(SETTINGS + "/" + nameless, "{\"prioritizedSourceUrls\":null}");
    Reply betaNull = client.patch(SETTINGS + "/" + nameless, "{\"prioritizedSourceUrls\":null}");

    assertThat(v1Null.status()).isEqualTo(400);
    assertThat(v1Null.errorMessage()).contains("prioritizedSourceUrls").contains("null");
    assertThat(betaNull.status()).isEqualTo(200);
  }

  /**
   * microsoft-graph-docs-contrib api-reference/v1.0/api/peopleadminsettings-post-profilepropertysettings.md: the
   * request sends "https://graph.microsoft.com/v1.0/admin/people/profileSources(sourceId='contosohr1')" and the 201
   * answers it followed by "https://graph.microsoft.com/v1.0/admin/people/profileSources(sourceId='4ce763dd-9214-
   * 4eff-af7c-da491cc3782d')"; the beta page's example appends the /beta URL.
   */
  @Test
  void graphAppendsTheEntraSourceInTheVersionOfTheWrite() {
    Reply created = v1.post(SETTINGS, "{\"displayName\":\"Skills\",\"prioritizedSourceUrls\":[\"" + HR_V1 + "\"]}");
    Reply patched = client.patch(SETTINGS + "/" + nameless, "{\"prioritizedSourceUrls\":[\"" + HR_V1 + "\"]}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("prioritizedSourceUrls")).extracting(JsonNode::asString)
        .containsExactly(HR_V1, ENTRA_V1);
    assertThat(patched.body().get("prioritizedSourceUrls")).extracting(JsonNode::asString)
        .containsExactly(HR_V1, ENTRA_BETA);
  }
}
