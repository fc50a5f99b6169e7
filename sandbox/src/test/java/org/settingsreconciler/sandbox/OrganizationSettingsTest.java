package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;

/**
 * The settings under the organization object (beta organizationsettings-list-*, insightssettings-update,
 * microsoftapplicationdataaccesssettings-update): reached through the tenant's own organization id only, beta only,
 * enabled until someone changes them.
 */
class OrganizationSettingsTest extends FreshSandbox {

  private String settings(String name) {
    String id = client.get("/organization?$select=id").body().at("/value/0/id").asString();
    return "/organization/" + id + "/settings/" + name;
  }

  @Test
  void eachDefaultsToEnabledWithNoGroup() {
    for (String name : new String[] {"peopleInsights", "contactInsights"}) {
      Reply r = client.get(settings(name));

      assertThat(r.status()).as(name).isEqualTo(200);
      assertThat(r.body().get("@odata.type").asString()).isEqualTo("#microsoft.graph.insightsSettings");
      assertThat(r.body().get("isEnabledInOrganization").asBoolean()).as(name).isTrue();
      assertThat(r.body().get("disabledForGroup").isNull()).as(name).isTrue();
    }
    Reply access = client.get(settings("microsoftApplicationDataAccess"));
    assertThat(access.body().get("@odata.type").asString())
        .isEqualTo("#microsoft.graph.microsoftApplicationDataAccessSettings");
    assertThat(access.body().get("isEnabledForAllMicrosoftApplications").asBoolean()).isTrue();
    assertThat(access.body().get("@odata.context").asString())
        .endsWith("#organization('" + sandbox.snapshot().at("/organization/id").asString()
            + "')/settings/microsoftApplicationDataAccess/$entity");
  }

  @Test
  void patchChangesOnlyThatSetting() {
    Reply r = client.patch(settings("peopleInsights"),
        "{\"isEnabledInOrganization\":false,\"disabledForGroup\":\"edbfe4fb-ec70-4300-928f-dbb2ae86c981\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(client.get(settings("peopleInsights")).body().get("disabledForGroup").asString())
        .isEqualTo("edbfe4fb-ec70-4300-928f-dbb2ae86c981");
    assertThat(client.get(settings("contactInsights")).body().get("isEnabledInOrganization").asBoolean()).isTrue();
    assertThat(sandbox.snapshot().at("/resources/organization.peopleInsights/isEnabledInOrganization").asBoolean())
        .isFalse();
  }

  @Test
  void anotherOrganizationsIdIsNotFound() {
    Reply r = client.get("/organization/0b1d5c1e-0000-4000-8000-00000000beef/settings/peopleInsights");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("Request_ResourceNotFound");
  }

  @Test
  void theOwnIdMatchesIgnoringCase() {
    assertThat(client.get(settings("contactInsights").toUpperCase().replace("/ORGANIZATION/", "/organization/"))
        .status()).isEqualTo(200);
  }

  @Test
  void v1HasNoOrganizationSettings() {
    SandboxClient v1 = new SandboxClient(sandbox, ApiVersion.V1_0);

    Reply r = v1.get(settings("peopleInsights"));

    assertThat(r.status()).isEqualTo(400);
  }

  @Test
  void aValueOfAnotherTypeIsRefused() {
    Reply r = client.patch(settings("microsoftApplicationDataAccess"),
        "{\"isEnabledForAllMicrosoftApplications\":\"no\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("isEnabledForAllMicrosoftApplications");
  }
}
