package org.settingsreconciler.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/**
 * Workload identity federation: the federated token is the client assertion, from AZURE_FEDERATED_TOKEN_FILE or
 * from GitHub Actions' OIDC endpoint, and is fetched again once it expires.
 */
class WorkloadIdentitySignInTest {

  static final String GITHUB_REQUEST_TOKEN = "github-request-token-0123456789";

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
  void theFederatedTokenFileIsTheClientAssertion() throws Exception {
    String federated = federatedToken(Instant.now().plusSeconds(3600));
    Path file = tmp.resolve("azure-identity-token");
    Files.writeString(file, federated + "\n");
    String token = TestJwt.appOnly("PeopleSettings.Read.All");
    f.stubToken(TestJwt.TENANT, token, 3599);
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env =
        f.env(
            "AZURE_TENANT_ID", TestJwt.TENANT,
            "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
            "AZURE_FEDERATED_TOKEN_FILE", file.toString());

    Run run = f.cli(env, "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("Signed in with federated token file " + file);
    Map<String, String> form = AuthFixture.form(f.tokenRequests(TestJwt.TENANT).get(0));
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", TestJwt.CLIENT_ID)
        .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .containsEntry("client_assertion", federated);
    assertThat(form.get("scope").split(" ")).contains("https://graph.microsoft.com/.default");
    assertThat(f.graphRequests()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token));
  }

  @Test
  void gitHubActionsOidcTokenIsAskedForWithTheEntraAudience() throws Exception {
    String federated = federatedToken(Instant.now().plusSeconds(300));
    f.secrets.add(federated);
    f.wm.stubFor(get(urlPathEqualTo("/_apis/oidc")).willReturn(okJson("{\"count\":1,\"value\":\"" + federated + "\"}")));
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 3599);
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(gitHubEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("Signed in with GitHub Actions OIDC token");
    var oidc = f.wm.findAll(getRequestedFor(urlPathEqualTo("/_apis/oidc")));
    assertThat(oidc).singleElement().satisfies(r -> {
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + GITHUB_REQUEST_TOKEN);
      assertThat(r.queryParameter("audience").firstValue()).isEqualTo("api://AzureADTokenExchange");
      assertThat(r.queryParameter("api-version").firstValue()).isEqualTo("2.0");
    });
    assertThat(AuthFixture.form(f.tokenRequests(TestJwt.TENANT).get(0)))
        .containsEntry("client_assertion", federated);
  }

  @Test
  void anExpiredFederatedTokenFileIsReadAgain() throws Exception {
    MutableClock clock = new MutableClock();
    String first = federatedToken(clock.instant().plus(Duration.ofMinutes(10)));
    String second = federatedToken(clock.instant().plus(Duration.ofMinutes(70)));
    Path file = tmp.resolve("token");
    Files.writeString(file, first);
    // Access tokens that expire at once, so every token() goes to Entra and needs an assertion.
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 60);
    Credential credential =
        CredentialChain.select(context(clock, "AZURE_FEDERATED_TOKEN_FILE", file.toString()));

    credential.token();
    Files.writeString(file, second); // rotated, as the AKS webhook does
    credential.token();
    clock.advance(Duration.ofMinutes(10)); // the first one has expired
    credential.token();

    List<String> sent =
        f.tokenRequests(TestJwt.TENANT).stream().map(r -> AuthFixture.form(r).get("client_assertion")).toList();
    assertThat(sent).containsExactly(first, first, second);
  }

  @Test
  void anExpiredGitHubTokenIsFetchedAgain() throws Exception {
    MutableClock clock = new MutableClock();
    f.wm.stubFor(
        get(urlPathEqualTo("/_apis/oidc"))
            .willReturn(okJson("{\"value\":\"" + federatedToken(clock.instant().plusSeconds(300)) + "\"}")));
    f.stubToken(TestJwt.TENANT, TestJwt.appOnly("PeopleSettings.Read.All"), 60);
    Credential credential = CredentialChain.select(context(clock, gitHubPairs()));

    credential.token();
    credential.token();
    assertThat(f.wm.findAll(getRequestedFor(urlPathEqualTo("/_apis/oidc")))).as("still valid: reused").hasSize(1);
    clock.advance(Duration.ofMinutes(5));
    credential.token();

    assertThat(f.wm.findAll(getRequestedFor(urlPathEqualTo("/_apis/oidc")))).as("expired: fetched again").hasSize(2);
    assertThat(f.tokenRequests(TestJwt.TENANT)).hasSize(3);
  }

  @Test
  void gitHubSaysWhenTheWorkflowLacksIdTokenPermission() throws Exception {
    f.wm.stubFor(get(urlPathEqualTo("/_apis/oidc")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.forbidden()));
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(gitHubEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("GitHub's OIDC token endpoint answered HTTP 403")
        .contains("permissions: id-token: write");
    assertThat(f.tokenRequests(TestJwt.TENANT)).isEmpty();
  }

  private String[] gitHubPairs() {
    return new String[] {
      "ACTIONS_ID_TOKEN_REQUEST_URL", "https://localhost:" + f.wm.httpsPort() + "/_apis/oidc?api-version=2.0",
      "ACTIONS_ID_TOKEN_REQUEST_TOKEN", GITHUB_REQUEST_TOKEN
    };
  }

  private Map<String, String> gitHubEnv() {
    String[] gh = gitHubPairs();
    return f.env(
        "AZURE_TENANT_ID", TestJwt.TENANT, "AZURE_CLIENT_ID", TestJwt.CLIENT_ID, gh[0], gh[1], gh[2], gh[3]);
  }

  private SignInContext context(MutableClock clock, String... pairs) {
    String[] all = new String[pairs.length + 4];
    all[0] = "AZURE_TENANT_ID";
    all[1] = TestJwt.TENANT;
    all[2] = "AZURE_CLIENT_ID";
    all[3] = TestJwt.CLIENT_ID;
    System.arraycopy(pairs, 0, all, 4, pairs.length);
    return SignInContext.of(
            AuthMethod.AUTO, null, Cloud.global, f.env(all), new PrintStream(new ByteArrayOutputStream()), false,
            new Secrets())
        .withClock(clock);
  }

  /** What GitHub or the AKS webhook issue: a JWT for Entra's token exchange audience. */
  static String federatedToken(Instant expires) {
    return TestJwt.of(
        Map.of(
            "iss", "https://token.actions.githubusercontent.com",
            "sub", "repo:contoso/settings:ref:refs/heads/main",
            "aud", "api://AzureADTokenExchange",
            "exp", expires.getEpochSecond()));
  }
}
