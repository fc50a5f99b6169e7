package org.settingsreconciler.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/**
 * The organization's settings with a real sign-in: their paths hold the tenant the token names (its tid claim), with
 * no read of {@code /organization} needed (here it is not even answered); and each operation needs its own
 * permission, so an app-only token reads contact insights and is told why the other two were not sent.
 */
class OrganizationSettingsPreflightCliTest {

  static final String SECRET = "client-secret-for-organization-settings";
  static final String CONTACT = "/organization/" + TestJwt.TENANT + "/settings/contactInsights";

  @TempDir Path tmp;
  AuthFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new AuthFixture(tmp);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void anAppReadsContactInsightsAtItsTokensTenantAndIsToldWhyTheOthersWereNotSent() throws Exception {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("Organization.Read.All"), 3599);
    f.stubGraphGet(CONTACT, "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}");
    Path yaml = f.yaml("organization.yaml", """
        organization:
          peopleInsights:
            isEnabledInOrganization: true
          contactInsights:
            isEnabledInOrganization: false
          microsoftApplicationDataAccess:
            isEnabledForAllMicrosoftApplications: true
        """);

    Run run = f.cli(appEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .contains("! organization.peopleInsights could not be read:")
        .contains("organization.peopleInsights needs delegated sign-in with User.Read.All; this token is app-only")
        .contains("organization.microsoftApplicationDataAccess needs delegated sign-in with Organization.Read.All")
        .contains("Plan: 0 to create, 0 to update, 0 to delete, 1 unchanged.");
    assertThat(f.wm.findAll(anyRequestedFor(urlMatching("/beta/organization/.*"))))
        .extracting(r -> r.getMethod().getName() + " " + r.getUrl())
        .containsExactly("GET /beta" + CONTACT);
  }

  @Test
  void aDelegatedTokenWithoutTheUpdatePermissionIsStoppedBeforeThePatch() throws Exception {
    f.stubGraphGet(CONTACT, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    Path yaml = f.yaml("organization.yaml", "organization:\n  contactInsights:\n    isEnabledInOrganization: false\n");

    Run run = f.cli(f.env("RECONCILER_ACCESS_TOKEN", TestJwt.delegated("Organization.Read.All")), "apply",
        yaml.toString(), "--auto-approve", "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out() + run.err())
        .contains("organization.contactInsights needs the delegated permission Organization.ReadWrite.All");
    assertThat(f.wm.findAll(anyRequestedFor(urlMatching("/beta/organization/.*"))))
        .extracting(r -> r.getMethod().getName()).containsOnly("GET");
  }

  private Map<String, String> appEnv() {
    return f.env(
        "AZURE_TENANT_ID", TestJwt.TENANT,
        "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "AZURE_CLIENT_SECRET", SECRET);
  }
}
