package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/** Client secret sign-in, end to end: the token request Entra gets, and the token reaching Graph. */
class ClientSecretSignInTest {

  static final String SECRET = "s3cr3t~Value.For-Tests_0123456789";

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
  void sendsTheClientCredentialsGrantAndTheTokenReachesGraph() throws Exception {
    String token = TestJwt.appOnly("PeopleSettings.ReadWrite.All");
    f.stubToken(TestJwt.TENANT, token, 3599);
    f.stubPronouns(false);
    f.stubGraphGet("/admin/people/namePronunciation", "{\"isEnabledInOrganization\":false}");
    Path yaml = f.yaml("people.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: false
        """);

    Run run = f.cli(secretEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("people.pronouns will be updated").contains("1 to update, 0 to delete, 1 unchanged");
    assertThat(run.err()).contains("Signed in with client secret of app " + TestJwt.CLIENT_ID)
        .contains("app-only").contains("PeopleSettings.ReadWrite.All");
    List<LoggedRequest> tokenRequests = f.tokenRequests(TestJwt.TENANT);
    assertThat(tokenRequests).as("one token for every Graph request of the run").hasSize(1);
    Map<String, String> form = AuthFixture.form(tokenRequests.get(0));
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", TestJwt.CLIENT_ID)
        .containsEntry("client_secret", SECRET);
    // msal4j adds the OpenID scopes to every request; Entra ignores them for app-only tokens.
    assertThat(form.get("scope").split(" ")).contains("https://graph.microsoft.com/.default")
        .allMatch(s -> !s.startsWith("https://") || s.equals("https://graph.microsoft.com/.default"));
    List<LoggedRequest> graph = f.graphRequests();
    assertThat(graph).hasSize(2);
    assertThat(graph).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token));
  }

  @Test
  void aRejectedSecretIsExplainedWithoutTheSecret() throws Exception {
    // Entra's real error names the problem, never the value; this one echoes it to prove the redaction.
    f.wm.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                    "/" + TestJwt.TENANT + "/oauth2/v2.0/token"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                        + "secret provided (" + SECRET + ").\\r\\nTrace ID: abc\",\"error_codes\":[7000215]}")));
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(secretEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("sign-in failed; nothing was sent to Graph").contains("invalid_client")
        .contains("AADSTS7000215").contains("(***)");
    assertThat(f.graphRequests()).isEmpty();
  }

  @Test
  void nationalCloudsAskForTheirOwnScope() throws Exception {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnlyFor("https://graph.microsoft.us", "PeopleSettings.Read.All"), 3599);
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(secretEnv(), "plan", yaml.toString(), "--cloud", "usgov", "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(AuthFixture.form(f.tokenRequests(TestJwt.TENANT).get(0)).get("scope").split(" "))
        .contains("https://graph.microsoft.us/.default")
        .noneMatch(s -> s.contains("graph.microsoft.com"));
  }

  @Test
  void aTokenOfAnotherCloudIsRefused() throws Exception {
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 3599);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(secretEnv(), "plan", yaml.toString(), "--cloud", "china", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("the access token is for https://graph.microsoft.com, but this run is for "
        + "--cloud china");
    assertThat(f.graphRequests()).isEmpty();
  }

  @Test
  void globalOnlySettingsAreRefusedInOtherCloudsBeforeSignIn() throws Exception {
    Path yaml = f.yaml("copilot.yaml", "copilot:\n  limitedMode:\n    isEnabledForGroup: false\n");

    Run run = f.cli(secretEnv(), "plan", yaml.toString(), "--cloud", "usgovdod", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("error: copilot.limitedMode (" + yaml + ":2:3) exists only in the global cloud; this run is for "
            + "--cloud usgovdod")
        .contains("nothing was sent");
    assertThat(f.wm.getAllServeEvents()).as("not even a token request").isEmpty();
  }

  @Test
  void missingVariablesAreNamed() {
    Run run = f.cli(f.env("AZURE_CLIENT_SECRET", SECRET), "plan", "--auth", "client-secret", "../examples");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("client-secret sign-in needs the tenant: set AZURE_TENANT_ID or give --tenant");
  }

  @Test
  void tenantOptionWinsOverTheVariable() throws Exception {
    f.stubToken("contoso.onmicrosoft.com", TestJwt.appOnly("PeopleSettings.Read.All"), 3599);
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(secretEnv(), "plan", yaml.toString(), "--tenant", "contoso.onmicrosoft.com",
        "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(f.tokenRequests("contoso.onmicrosoft.com")).hasSize(1);
  }

  private Map<String, String> secretEnv() {
    return f.env(
        "AZURE_TENANT_ID", TestJwt.TENANT,
        "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "AZURE_CLIENT_SECRET", SECRET);
  }
}
