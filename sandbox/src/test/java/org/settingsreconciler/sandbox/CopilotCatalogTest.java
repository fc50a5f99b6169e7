package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;

/**
 * The Copilot agent catalog (docs/graph-facts.md 7; m365copilot-docs docs/api/admin-settings/package/): the list shows
 * each
 * package's copilotPackage properties, its GET the whole copilotPackageDetail; PATCH sets only the two access lists;
 * block, unblock and reassign are POSTs to the package's path plus the action's name, answered 204, with exactly the
 * parameters the metadata binds (none, or reassign's userId, which must name a user of the tenant), in beta only.
 * Nothing is created or deleted.
 */
class CopilotCatalogTest extends FreshSandbox {

  private static final String LIST = "/copilot/admin/catalog/packages";
  private static final String HR = LIST + "/P_7c4d1e2a-9b3f-4e6d-8a1c-2f5b9d0e3a71";
  private static final String MEGAN = "48d31887-5fad-4d73-a9f5-3c356e68a038";

  private Reply postWithoutBody(String path) {
    return client.send(client.request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void theListShowsThePackagesPropertiesAndTheirGetTheDetails() {
    Reply list = client.get(LIST);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().get("value")).hasSize(4);
    assertThat(list.body().at("/value/0").has("isBlocked")).isTrue();
    assertThat(list.body().at("/value/0").has("allowedUsersAndGroups")).as("a detail of the package").isFalse();

    Reply one = client.get(HR);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().get("@odata.type").asString()).isEqualTo("#microsoft.graph.copilotPackageDetail");
    assertThat(one.body().get("allowedUsersAndGroups").toString())
        .isEqualTo("[{\"resourceType\":\"group\",\"resourceId\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}]");
    assertThat(client.get(LIST + "/p_7C4D1E2A-9B3F-4E6D-8A1C-2F5B9D0E3A71").status()).as("ids ignore case")
        .isEqualTo(200);
    assertThat(client.get(LIST + "/P_nope").status()).isEqualTo(404);
  }

  @Test
  void blockAndUnblockAreBodilessPostsAnswered204() {
    Reply block = postWithoutBody(HR + "/block");
    assertThat(block.status()).isEqualTo(204);
    assertThat(block.body()).isNull();
    assertThat(client.get(HR).body().get("isBlocked").asBoolean()).isTrue();

    assertThat(client.post(HR + "/unblock", "{}").status()).as("an empty object is no parameter").isEqualTo(204);
    assertThat(client.get(HR).body().get("isBlocked").asBoolean()).isFalse();

    Reply withParameter = client.post(HR + "/block", "{\"userId\":\"" + MEGAN + "\"}");
    assertThat(withParameter.status()).isEqualTo(400);
    assertThat(withParameter.errorMessage()).isEqualTo(
        "The parameter 'userId' in the request payload is not a valid parameter for the operation 'block'.");
    assertThat(client.get(HR).body().get("isBlocked").asBoolean()).isFalse();
  }

  @Test
  void reassignTakesAUserOfTheTenant() {
    assertThat(client.post(HR + "/reassign", "{\"userId\":\"" + MEGAN + "\"}").status()).isEqualTo(204);
    assertThat(client.get(HR).body().get("ownerId").asString()).isEqualTo(MEGAN);

    Reply missing = client.post(HR + "/reassign", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorMessage()).isEqualTo("The parameter 'userId' of the operation 'reassign' is required.");

    Reply nobody = client.post(HR + "/reassign", "{\"userId\":\"00000000-0000-0000-0000-000000000000\"}");
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(nobody.errorCode()).isEqualTo("Request_ResourceNotFound");
    assertThat(client.get(HR).body().get("ownerId").asString()).isEqualTo(MEGAN);
  }

  @Test
  void patchSetsOnlyTheAccessListsAndNothingIsCreatedOrDeleted() {
    Reply lists = client.patch(HR, "{\"allowedUsersAndGroups\":[],\"acquireUsersAndGroups\":"
        + "[{\"resourceType\":\"user\",\"resourceId\":\"" + MEGAN + "\"}]}");
    assertThat(lists.status()).isEqualTo(200);
    assertThat(client.get(HR).body().get("allowedUsersAndGroups")).isEmpty();

    Reply blocked = client.patch(HR, "{\"isBlocked\":true}");
    assertThat(blocked.status()).isEqualTo(400);
    assertThat(blocked.errorMessage()).isEqualTo("The property 'isBlocked' is read-only and cannot be set.");

    assertThat(client.post(LIST, "{\"displayName\":\"New\"}").status()).isEqualTo(405);
    assertThat(client.delete(HR).status()).isEqualTo(405);
    assertThat(client.get(HR + "/block").status()).isEqualTo(405);
    assertThat(postWithoutBody(LIST + "/P_nope/block").status()).isEqualTo(404);
  }

  /**
   * m365copilot-docs: list and get are in v1.0 since 2026-07, the update only in beta; a PATCH under v1.0 is refused
   * as any call a version lacks is, and changes nothing.
   */
  @Test
  void aPatchUnderV10IsRefusedAsGraphLacksIt() {
    SandboxClient v1 = new SandboxClient(sandbox, ApiVersion.V1_0);
    assertThat(v1.get(HR).status()).isEqualTo(200);

    Reply patch = v1.patch(HR, "{\"allowedUsersAndGroups\":[]}");

    assertThat(patch.status()).isEqualTo(400);
    assertThat(client.get(HR).body().get("allowedUsersAndGroups")).as("unchanged").hasSize(1);
  }
}
