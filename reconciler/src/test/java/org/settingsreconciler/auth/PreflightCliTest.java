package org.settingsreconciler.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/**
 * The permission preflight as a user meets it: an app-only token and delegated-only settings in the desired state,
 * a delegated token without a permission, a 403 from Graph, and what plan, check, apply and export do about them.
 * The rule: a request that is bound to fail is not sent, and the output says what is missing and how to get it.
 */
class PreflightCliTest {

  static final String SECRET = "client-secret-for-preflight-tests";
  static final String DESIRED = """
      copilot:
        limitedMode:
          isEnabledForGroup: false
        policySettings:
          microsoft.copilot.allowwebsearch:
            value: "1"
      people:
        pronouns:
          isEnabledInOrganization: true
      """;

  @TempDir Path tmp;
  AuthFixture f;
  Path yaml;

  @BeforeEach
  void start() throws Exception {
    f = new AuthFixture(tmp);
    yaml = f.yaml("desired.yaml", DESIRED);
    f.stubPronouns(false);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void planWithAnAppOnlyTokenExplainsTheDelegatedOnlySettingsAndSendsNothingForThem() {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.ReadWrite.All"), 3599);

    Run run = f.cli(appEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).as("settings that cannot be read are an error, never drift").isEqualTo(1);
    assertThat(run.out())
        .contains("people.pronouns will be updated")
        .contains("! copilot.limitedMode could not be read:")
        .contains("not sent: copilot.limitedMode needs delegated sign-in with CopilotSettings-LimitedMode.Read; "
            + "this token is app-only")
        .contains("Sign in as an admin with the Global Reader role: run `reconciler login`")
        .contains("! copilot.policySettings[\"microsoft.copilot.allowwebsearch\"] could not be read:")
        .contains("copilot.policySettings needs delegated sign-in with CopilotPolicySettings.Read; this token is "
            + "app-only")
        .contains("Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged.")
        .contains("Error: 2 could not be read");
    assertThat(run.err())
        .contains("Signed in with client secret of app " + TestJwt.CLIENT_ID + " in tenant " + TestJwt.TENANT
            + ": app-only token; application permissions: PeopleSettings.ReadWrite.All")
        .contains("Need delegated sign-in (a signed-in admin): copilot.limitedMode (CopilotSettings-LimitedMode.Read, "
            + "as Global Reader; to apply: CopilotSettings-LimitedMode.ReadWrite, as Global Administrator); "
            + "copilot.policySettings "
            + "(CopilotPolicySettings.Read; to apply: CopilotPolicySettings.ReadWrite).")
        .contains("To manage them: run `reconciler login` (device code; AZURE_CLIENT_ID names a public client app "
            + "registration), then run with --auth device-code.")
        .contains("`reconciler permissions PATH...` lists every permission");
    assertThat(f.graphRequests()).extracting(LoggedRequest::getUrl).containsExactly("/beta/admin/people/pronouns");
  }

  @Test
  void checkReportsThemAsUnreadNotAsDrift() {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 3599);

    Run run = f.cli(appEnv(), "check", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("Drift: 1 setting differs from the YAML:\n  people.pronouns\n")
        .doesNotContain("  copilot.limitedMode\n");
    assertThat(f.graphRequests()).extracting(LoggedRequest::getUrl).containsExactly("/beta/admin/people/pronouns");
  }

  @Test
  void planJsonCarriesTheReasonAsAFailure() {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.ReadWrite.All"), 3599);

    Run run = f.cli(appEnv(), "plan", yaml.toString(), "--format", "json", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("\"code\" : \"notSent\"")
        .contains("copilot.limitedMode needs delegated sign-in with CopilotSettings-LimitedMode.Read");
  }

  @Test
  void applyWithAnAppOnlyTokenRefusesBeforeAnyWrite() {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.ReadWrite.All"), 3599);

    Run run = f.cli(appEnv(), "apply", yaml.toString(), "--auto-approve", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("Nothing was applied");
    assertThat(f.graphRequests()).allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
  }

  @Test
  void applyRefusesWritesTheTokenLacksThePermissionFor() throws Exception {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 3599);
    Path people = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(appEnv(), "apply", people.toString(), "--auto-approve", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("Refusing to apply; nothing was applied:")
        .contains("people.pronouns needs the application permission PeopleSettings.ReadWrite.All; this token "
            + "(app-only (app " + TestJwt.CLIENT_ID + ")) has PeopleSettings.Read.All (1 change).")
        .contains("Grant PeopleSettings.ReadWrite.All (application permission) to the app registration");
    assertThat(f.graphRequests()).allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
  }

  @Test
  void aDelegatedTokenWithoutAScopeIsToldWhichOne() {
    f.stubToken(TestJwt.TENANT, TestJwt.delegated("PeopleSettings.ReadWrite.All", "CopilotPolicySettings.Read"), 3599);
    f.stubGraphGet("/copilot/admin/policySettings/microsoft.copilot.allowwebsearch",
        "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"1\"}");

    Run run = f.cli(appEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("not sent: copilot.limitedMode needs the delegated permission CopilotSettings-LimitedMode.Read; "
            + "this token (delegated (admin@contoso.com)) has PeopleSettings.ReadWrite.All, CopilotPolicySettings.Read")
        .contains("Grant CopilotSettings-LimitedMode.Read (delegated permission) to the app registration with admin "
            + "consent, then sign in again as an admin with the Global Reader role");
    assertThat(f.graphRequests()).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
        "/beta/admin/people/pronouns", "/beta/copilot/admin/policySettings/microsoft.copilot.allowwebsearch");
  }

  @Test
  void aForbiddenAnswerIsExplainedWithWhatTheTokenHas() {
    f.stubToken(TestJwt.TENANT,
        TestJwt.delegated("PeopleSettings.ReadWrite.All", "CopilotSettings-LimitedMode.ReadWrite",
            "CopilotPolicySettings.ReadWrite"), 3599);
    f.stubForbidden("/copilot/admin/settings/limitedMode");
    f.stubGraphGet("/copilot/admin/policySettings/microsoft.copilot.allowwebsearch",
        "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"1\"}");

    Run run = f.cli(appEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("HTTP 403 accessDenied: Access denied (copilot.limitedMode needs "
        + "CopilotSettings-LimitedMode.Read; this token (delegated (admin@contoso.com)) has it, so Graph refused it "
        + "anyway: the signed-in user needs an admin role for it (Global Reader)) [request-id req-403]");
  }

  @Test
  void aForbiddenWriteIsExplainedToo() throws Exception {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 3599);
    Path people = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.ReadWrite.All"), 3599);
    f.wm.stubFor(patch(urlPathEqualTo("/beta/admin/people/pronouns")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"accessDenied\",\"message\":\"Denied\"}}")));

    Run run = f.cli(appEnv(), "apply", people.toString(), "--auto-approve", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("FAILED   people.pronouns")
        .contains("people.pronouns needs PeopleSettings.ReadWrite.All; this token (app-only (app "
            + TestJwt.CLIENT_ID + ")) has it, so Graph refused it anyway: check that admin consent is current");
  }

  @Test
  void exportLeavesOutWhatTheTokenCannotReadAndSaysWhy() {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 3599);
    f.stubGraphGet("/copilot/settings/people/enhancedPersonalization",
        "{\"value\":{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}}");
    f.stubGraphGet("/admin/people/namePronunciation", "{\"isEnabledInOrganization\":false}");
    f.stubGraphGet("/admin/people/itemInsights", "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    f.stubGraphGet("/admin/people/photoUpdateSettings", "{\"allowedRoles\":[],\"source\":null}");
    f.stubGraphGet("/admin/people/profilePropertySettings", "{\"value\":[]}");

    Run run = f.cli(appEnv(), "export", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    // Left out of the YAML; the header comment names it among what could not be read.
    assertThat(run.out()).contains("pronouns:").doesNotContain("limitedMode:")
        .containsPattern("(?m)^# INCOMPLETE: .*copilot\\.limitedMode");
    assertThat(run.err())
        .contains("error: copilot.limitedMode could not be read: not sent: copilot.limitedMode needs delegated "
            + "sign-in with CopilotSettings-LimitedMode.Read; this token is app-only")
        .contains("people.profileCardProperties could not be read: not sent")
        .contains("Need delegated sign-in (a signed-in admin): copilot.limitedMode (")
        .contains("; people.profileCardProperties (PeopleSettings.Read.All, as Global Administrator; to apply: "
            + "PeopleSettings.ReadWrite.All, as Global Administrator to create and delete, People Administrator to "
            + "update); organization.peopleInsights (User.Read.All; to apply: Organization.ReadWrite.All, as Global "
            + "Administrator); organization.microsoftApplicationDataAccess (Organization.Read.All; to apply: "
            + "Organization.ReadWrite.All).")
        .as("an app may read the agent catalog and contact insights, with the permissions it lacks")
        .contains("Missing permissions: copilot.agents (CopilotPackages.Read.All), organization.contactInsights "
            + "(Organization.Read.All).");
    assertThat(f.graphRequests()).noneMatch(r -> r.getUrl().startsWith("/beta/copilot/admin"))
        .noneMatch(r -> r.getUrl().contains("profileCardProperties"));
  }

  @Test
  void aTokenThatIsNotAJwtIsUsedWithoutPreflight() throws Exception {
    Run run = f.cli(f.env("RECONCILER_ACCESS_TOKEN", "opaque-token-value-xyz"), "plan",
        f.yaml("p.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n").toString(),
        "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("the token is not a JWT: its permissions are checked by Graph only");
    assertThat(f.graphRequests()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer opaque-token-value-xyz"));
  }

  @Test
  void debugLoggingShowsRequestsWithTheAuthorizationRedacted() throws Exception {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.ReadWrite.All"), 3599);
    Map<String, String> env = appEnv();
    env.put("RECONCILER_DEBUG", "1");

    Run run = f.cli(env, "plan", f.yaml("p.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n")
        .toString(), "--graph-url", f.graphUrl());

    assertThat(run.err()).contains("debug: request: GET " + f.graphUrl() + "/admin/people/pronouns")
        .contains("Authorization: Bearer [redacted]").contains("debug: answer: HTTP 200");
  }

  @Test
  void sandboxNeedsNoCredentialsAndNoPreflight() {
    Run run = f.cli(f.env(), "plan", yaml.toString(), "--sandbox", "--auth", "client-secret");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).doesNotContain("Signed in");
  }

  private Map<String, String> appEnv() {
    return f.env(
        "AZURE_TENANT_ID", TestJwt.TENANT,
        "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "AZURE_CLIENT_SECRET", SECRET);
  }
}
