package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;

/** Singletons: GET shape (wrapped where the docs wrap), PATCH merge and its validation. */
class SingletonTest extends FreshSandbox {

  private static final String EP = "/copilot/settings/people/enhancedPersonalization";
  private static final String LIMITED = "/copilot/admin/settings/limitedMode";

  @Test
  void enhancedPersonalizationGetIsWrappedInValueAsDocumented() {
    Reply r = client.get(EP);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("value").get("@odata.type").asString())
        .isEqualTo("#microsoft.graph.enhancedPersonalizationSetting");
    assertThat(r.body().get("value").get("isEnabledInOrganization").asBoolean()).isTrue();
    assertThat(r.body().get("value").get("disabledForGroup").isNull()).isTrue();
    assertThat(r.body().propertyNames()).containsExactlyInAnyOrder("@odata.context", "value");
  }

  @Test
  void unwrappedSingletonCarriesODataTypeAndContext() {
    Reply r = client.get("/admin/people/itemInsights");

    assertThat(r.body().get("@odata.type").asString()).isEqualTo("#microsoft.graph.insightsSettings");
    assertThat(r.body().get("@odata.context").asString()).endsWith("#admin/people/itemInsights/$entity");
    assertThat(r.body().get("isEnabledInOrganization").asBoolean()).isTrue();
  }

  @Test
  void patchMergesAndAnswersTheObjectUnwrapped() {
    Reply r = client.patch(EP,
        "{\"isEnabledInOrganization\":false,\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().has("value")).isFalse();
    assertThat(r.body().get("isEnabledInOrganization").asBoolean()).isFalse();
    assertThat(sandbox.snapshot().at("/resources/copilot.enhancedPersonalization/disabledForGroup").asString())
        .isEqualTo("edbfe4fb-ec70-4300-928f-dbb2ae86c981");
    assertThat(client.get(EP).body().at("/value/isEnabledInOrganization").asBoolean()).isFalse();
  }

  @Test
  void patchWithoutARequiredPropertyIsRefused() {
    Reply r = client.patch(EP, "{\"disabledForGroup\":null}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("invalidRequest");
    assertThat(r.errorMessage()).contains("isEnabledInOrganization");
  }

  @Test
  void unknownPropertyIsRefusedByName() {
    Reply r = client.patch("/admin/people/pronouns", "{\"isEnabledInOrganization\":true,\"colour\":\"red\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("invalidRequest");
    assertThat(r.errorMessage()).contains("'colour'");
    assertThat(client.get("/admin/people/pronouns").body().get("isEnabledInOrganization").asBoolean()).isFalse();
  }

  @Test
  void readOnlyIdIsRefused() {
    Reply r = client.patch("/admin/people/namePronunciation", "{\"id\":\"x\",\"isEnabledInOrganization\":true}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("'id'").contains("read-only");
  }

  @Test
  void odataTypeInTheBodyIsAcceptedAndIgnored() {
    Reply r = client.patch(LIMITED,
        "{\"@odata.type\":\"#microsoft.graph.copilotAdminLimitedMode\",\"isEnabledForGroup\":true,"
            + "\"groupId\":\"4c563cdf-0efa-44c5-a384-dbf57db277df\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(sandbox.snapshot().at("/resources/copilot.limitedMode").has("@odata.type")).isFalse();
  }

  @Test
  void wrongJsonTypesAreRefused() {
    assertThat(client.patch("/admin/people/pronouns", "{\"isEnabledInOrganization\":\"true\"}").status())
        .isEqualTo(400);
    assertThat(client.patch("/admin/people/photoUpdateSettings", "{\"allowedRoles\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(client.patch("/admin/people/photoUpdateSettings", "{\"allowedRoles\":[1]}").status())
        .isEqualTo(400);
    assertThat(client.patch("/admin/people/itemInsights", "{\"disabledForGroup\":5}").status()).isEqualTo(400);
  }

  @Test
  void anyStringIsAGroupIdAsGraphTypesIt() {
    // Edm.String in Graph's metadata: only the tool wishes for a GUID (a warning when it loads the YAML).
    assertThat(client.patch("/admin/people/itemInsights", "{\"disabledForGroup\":\"not-a-guid\"}").status())
        .isEqualTo(200);
    assertThat(sandbox.snapshot().at("/resources/people.itemInsights/disabledForGroup").asString())
        .isEqualTo("not-a-guid");
  }

  /** Null where Microsoft's metadata says nullable (itemInsights' isEnabledInOrganization), never elsewhere. */
  @Test
  void aNullableBooleanTakesNullAndOthersDoNot() {
    assertThat(client.patch("/admin/people/itemInsights", "{\"isEnabledInOrganization\":null}").status())
        .isEqualTo(200);
    assertThat(sandbox.snapshot().at("/resources/people.itemInsights/isEnabledInOrganization").isNull()).isTrue();

    Reply pronouns = client.patch("/admin/people/pronouns", "{\"isEnabledInOrganization\":null}");

    assertThat(pronouns.status()).isEqualTo(400);
    assertThat(pronouns.errorCode()).isEqualTo("invalidRequest");
  }

  @Test
  void emptyBodyIsRefused() {
    Reply r = client.patch("/admin/people/pronouns", "{}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("invalidRequest");
  }

  @Test
  void limitedModeCannotBeEnabledWithoutAGroup() {
    Reply r = client.patch(LIMITED, "{\"isEnabledForGroup\":true}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("groupId");
    assertThat(sandbox.snapshot().at("/resources/copilot.limitedMode/isEnabledForGroup").asBoolean()).isFalse();
  }

  @Test
  void limitedModeTakesTheGroupFromStateWhenTheBodyOmitsIt() {
    assertThat(client.patch(LIMITED, "{\"groupId\":\"4c563cdf-0efa-44c5-a384-dbf57db277df\"}").status())
        .isEqualTo(200);

    assertThat(client.patch(LIMITED, "{\"isEnabledForGroup\":true}").status()).isEqualTo(200);
    assertThat(client.patch(LIMITED, "{\"groupId\":null}").status()).isEqualTo(400);
  }

  @Test
  void photoUpdateSettingsDeleteResetsToDefaultsKeepingTheId() {
    String id = client.get("/admin/people/photoUpdateSettings").body().at("/value/id").asString();

    assertThat(client.delete("/admin/people/photoUpdateSettings").status()).isEqualTo(204);

    Reply after = client.get("/admin/people/photoUpdateSettings");
    assertThat(after.body().at("/value/id").asString()).isEqualTo(id);
    assertThat(after.body().at("/value/allowedRoles")).isEmpty();
  }

  @Test
  void photoUpdateSourceMustBeAnEnumMember() {
    assertThat(client.patch("/admin/people/photoUpdateSettings", "{\"source\":\"somewhere\"}").status())
        .isEqualTo(400);
    assertThat(client.patch("/admin/people/photoUpdateSettings", "{\"source\":\"onPremises\"}").status())
        .isEqualTo(200);
  }

  @Test
  void otherSingletonsRefuseDelete() {
    assertThat(client.delete("/admin/people/pronouns").status()).isEqualTo(405);
  }
}
