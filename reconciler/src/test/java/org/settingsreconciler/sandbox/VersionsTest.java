package org.settingsreconciler.sandbox;

import org.settingsreconciler.metadata.GraphMetadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.sandbox.SandboxClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox serves {@code /v1.0} and {@code /beta}, one tenant behind both: a resource in the versions its
 * descriptor names, and a v1.0 request for a beta-only resource answered as Graph answers it (400, naming the
 * segment v1.0 lacks). Batches, next links, context URLs and recorded requests all say which version.
 */
class VersionsTest extends FreshSandbox {

  private static final String PRONOUNS = "/admin/people/pronouns";
  private static final String ADELE = "adele.vance@contoso.com";

  @Test
  void aResourceMissingFromAVersionIsGraphsBadRequestThere() {
    SandboxClient root = new SandboxClient(sandbox, ApiVersion.V1_0);
    String organization = OwnOrganization.id(root);
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      for (GraphVersion v : EnumSet.complementOf(EnumSet.copyOf(d.versions()))) {
        if (GraphMetadata.load(v.segment()).path(d.path()).map(t -> t.missing() == null).orElse(false)) {
          continue; // Graph has it there (copilot.agents' list and get in v1.0): the descriptor chose not to use it
        }
        String user = d.scope() == Scope.USER ? ADELE : null;
        String path = ResourceId.basePath(d, user, VersionChoice.pinnedTo(v), () -> organization);
        String id = d.shape() == org.settingsreconciler.resource.Shape.SINGLETON ? "" : "/x";
        Reply r = root.get(sandbox.baseUrl() + path + id);

        assertThat(r.status()).as(d.type() + " in " + v).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("BadRequest");
        assertThat(r.errorMessage()).as(d.type() + " in " + v).startsWith("Resource not found for the segment '");
      }
    }
    // The segment v1.0 lacks, as Microsoft's v1.0 metadata says: user has no 'profile', copilotRoot no 'settings'.
    assertThat(root.get("/users/" + ADELE + "/profile/interests").errorMessage())
        .isEqualTo("Resource not found for the segment 'profile'.");
    assertThat(root.get("/copilot/settings/people/enhancedPersonalization").errorMessage())
        .isEqualTo("Resource not found for the segment 'settings'.");
    assertThat(root.get("/copilot/admin/policySettings/microsoft.copilot.allowwebsearch").errorMessage())
        .isEqualTo("Resource not found for the segment 'policySettings'.");
    assertThat(root.get("/admin/people/namePronunciation").errorMessage())
        .isEqualTo("Resource not found for the segment 'namePronunciation'.");
    // The agent catalog is listed and read in v1.0, but its actions are bound in beta only.
    String agent = "/copilot/admin/catalog/packages/P_7c4d1e2a-9b3f-4e6d-8a1c-2f5b9d0e3a71";
    assertThat(root.get(agent).status()).isEqualTo(200);
    assertThat(root.post(agent + "/block", "").errorMessage()).isEqualTo("Resource not found for the segment 'block'.");
  }

  @Test
  void bothVersionsServeTheSameTenant() {
    SandboxClient v1 = new SandboxClient(sandbox, ApiVersion.V1_0);

    assertThat(v1.patch(PRONOUNS, "{\"isEnabledInOrganization\":true}").status()).isEqualTo(200);
    Reply created = client.post("/admin/people/profileCardProperties", "{\"directoryPropertyName\":\"CustomAttribute7\"}");

    assertThat(client.get(PRONOUNS).body().get("isEnabledInOrganization").asBoolean()).isTrue();
    assertThat(created.status()).isEqualTo(201);
    assertThat(v1.get("/admin/people/profileCardProperties/CustomAttribute7").status()).isEqualTo(200);
    assertThat(v1.get("/organization").body().at("/value/0/id").asString())
        .isEqualTo(client.get("/organization").body().at("/value/0/id").asString());
  }

  @Test
  void answersNameTheVersionTheyCameIn() {
    SandboxClient v1 = new SandboxClient(sandbox, ApiVersion.V1_0);
    sandbox.setPageSize(1);

    JsonNode pronouns = v1.get(PRONOUNS).body();
    JsonNode users = v1.get("/users").body();

    assertThat(pronouns.get("@odata.context").asString())
        .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#admin/people/pronouns/$entity");
    assertThat(client.get(PRONOUNS).body().get("@odata.context").asString())
        .isEqualTo("https://graph.microsoft.com/beta/$metadata#admin/people/pronouns/$entity");
    assertThat(users.get("@odata.nextLink").asString()).startsWith(sandbox.baseUrl() + "/v1.0/users?");
  }

  @Test
  void aBatchIsOfOneVersionAndItsUrlsAreRelativeToIt() {
    SandboxClient v1 = new SandboxClient(sandbox, ApiVersion.V1_0);
    probe.clearRequests();

    Reply r = v1.post("/$batch", "{\"requests\":["
        + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + PRONOUNS + "\"},"
        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/admin/people/namePronunciation\"}]}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(status(r, "1")).isEqualTo(200);
    assertThat(status(r, "2")).as("namePronunciation exists only in beta").isEqualTo(400);
    assertThat(probe.requests()).extracting(RecordedRequest::path)
        .containsExactly("/v1.0/$batch", "/v1.0" + PRONOUNS, "/v1.0/admin/people/namePronunciation");
  }

  private static int status(Reply r, String id) {
    for (JsonNode a : r.body().get("responses")) {
      if (a.get("id").asString().equals(id)) {
        return a.get("status").asInt();
      }
    }
    throw new AssertionError("no answer for id " + id);
  }
}
