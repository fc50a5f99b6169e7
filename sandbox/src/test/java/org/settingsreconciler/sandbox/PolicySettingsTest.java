package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;

/** Copilot policy settings (docs/graph-facts.md 2): fixed ids, a string property named value, 404 and 422. */
class PolicySettingsTest extends FreshSandbox {

  private static final String BASE = "/copilot/admin/policySettings/";
  private static final String POLICY = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

  @Test
  void getIsNotWrappedAndValueIsAString() {
    Reply r = client.get(BASE + "microsoft.copilot.copilotchatpinning");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(SandboxClient.json(
        "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#copilot/admin/policySettings/$entity\","
            + "\"@odata.type\":\"#microsoft.graph.copilotPolicySetting\","
            + "\"id\":\"microsoft.copilot.copilotchatpinning\",\"value\":\"0\",\"policyId\":\"" + POLICY + "\"}"));
  }

  @Test
  void unconfiguredSettingIs200WithNullValue() {
    Reply r = client.get(BASE + "microsoft.copilot.allowinadmincenters");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("value").isNull()).isTrue();
    assertThat(r.body().get("policyId").isNull()).isTrue();
  }

  @Test
  void unsupportedIdIs404WithInnerCode() {
    Reply r = client.get(BASE + "microsoft.copilot.pinning");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("notFound");
    assertThat(r.innerErrorCode()).isEqualTo("unsupportedSetting");
    assertThat(r.errorMessage()).isEqualTo("The setting 'microsoft.copilot.pinning' is not supported.");
    assertThat(client.patch(BASE + "microsoft.copilot.pinning", "{\"value\":\"1\"}").status()).isEqualTo(404);
  }

  @Test
  void groupScopedSettingIs422OnGetAndPatch() {
    Reply get = client.get(BASE + "microsoft.copilot.imagegeneration");
    Reply patch = client.patch(BASE + "microsoft.copilot.imagegeneration", "{\"value\":\"1\"}");

    for (Reply r : new Reply[] {get, patch}) {
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.errorCode()).isEqualTo("unprocessableEntity");
      assertThat(r.innerErrorCode()).isEqualTo("groupScopedSettingNotSupported");
    }
  }

  @Test
  void patchRequiresValue() {
    Reply r = client.patch(BASE + "microsoft.copilot.allowwebsearch", "{\"policyId\":\"" + POLICY + "\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("'value'");
  }

  @Test
  void patchAnswersTheBareObjectAndDefaultsThePolicy() {
    Reply r = client.patch(BASE + "microsoft.copilot.allowinadmincenters", "{\"value\":\"1\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(SandboxClient.json(
        "{\"id\":\"microsoft.copilot.allowinadmincenters\",\"value\":\"1\",\"policyId\":\"" + POLICY + "\"}"));
    assertThat(client.get(BASE + "microsoft.copilot.allowinadmincenters").body().get("value").asString())
        .isEqualTo("1");
  }

  @Test
  void patchKeepsAnExplicitPolicyId() {
    String other = "0f0f0f0f-1111-2222-3333-444444444444";
    client.patch(BASE + "microsoft.copilot.copilotchatpinning", "{\"value\":\"1\",\"policyId\":\"" + other + "\"}");

    assertThat(client.get(BASE + "microsoft.copilot.copilotchatpinning").body().get("policyId").asString())
        .isEqualTo(other);
  }

  @Test
  void idIsReadOnly() {
    Reply r = client.patch(BASE + "microsoft.copilot.allowwebsearch",
        "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"0\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("read-only");
  }

  @Test
  void theCollectionHasNoDocumentedList() {
    Reply r = client.get("/copilot/admin/policySettings");

    assertThat(r.status()).isEqualTo(405);
    assertThat(r.errorCode()).isEqualTo("notSupported");
  }
}
