package org.settingsreconciler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.settingsreconciler.sandbox.SandboxClient.Reply;

/**
 * A user's settings and the item insights setting Graph nests in them (usersettings-get/-update,
 * userinsightssettings-get/-update), in v1.0 and beta: each user has their own.
 */
class UserSettingsTest extends FreshSandbox {

  private static final String ADELE = "adele.vance@contoso.com";
  private static final String MEGAN = "megan.bowen@contoso.com";

  @Test
  void defaultsAreContributingAndInsightsOn() {
    Reply settings = client.get("/users/" + ADELE + "/settings");
    Reply insights = client.get("/users/" + ADELE + "/settings/itemInsights");

    assertThat(settings.body().get("@odata.type").asString()).isEqualTo("#microsoft.graph.userSettings");
    assertThat(settings.body().get("contributionToContentDiscoveryDisabled").asBoolean()).isFalse();
    assertThat(settings.body().get("contributionToContentDiscoveryAsOrganizationDisabled").asBoolean()).isFalse();
    assertThat(insights.body().get("@odata.type").asString()).isEqualTo("#microsoft.graph.userInsightsSettings");
    assertThat(insights.body().get("isEnabled").asBoolean()).isTrue();
  }

  @Test
  void aPatchChangesThatUsersSettingsOnly() {
    Reply r = new SandboxClient(sandbox, ApiVersion.V1_0).patch("/users/" + ADELE + "/settings/itemInsights",
        "{\"isEnabled\":false}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(client.get("/users/" + ADELE + "/settings/itemInsights").body().get("isEnabled").asBoolean())
        .isFalse();
    assertThat(client.get("/users/" + MEGAN + "/settings/itemInsights").body().get("isEnabled").asBoolean())
        .isTrue();
    assertThat(sandbox.snapshot().at("/users/" + ADELE + "/settings.itemInsights/isEnabled").asBoolean()).isFalse();
  }

  @Test
  void nullIsRefusedWhereTheMetadataSaysNotNullable() {
    Reply r = client.patch("/users/" + ADELE + "/settings", "{\"contributionToContentDiscoveryDisabled\":null}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("contributionToContentDiscoveryDisabled");
  }

  @Test
  void unknownUserIs404() {
    Reply r = client.get("/users/nobody@contoso.com/settings");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("Request_ResourceNotFound");
  }
}
