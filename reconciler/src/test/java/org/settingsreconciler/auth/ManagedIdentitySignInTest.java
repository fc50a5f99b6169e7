package org.settingsreconciler.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/**
 * Managed identity through msal4j, as on App Service, Functions or Container Apps: msal4j finds the endpoint in
 * IDENTITY_ENDPOINT and IDENTITY_HEADER, here taken from the CLI's environment (not the JVM's), and WireMock plays
 * the endpoint.
 */
class ManagedIdentitySignInTest {

  static final String IDENTITY_HEADER = "identity-header-secret-42";

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
  void systemAssignedIdentityAsksForGraphAndTheTokenReachesGraph() throws Exception {
    String token = stubIdentityEndpoint();
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(miEnv(), "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("Signed in with system-assigned managed identity");
    var requests = f.wm.findAll(getRequestedFor(urlPathEqualTo("/msi/token")));
    assertThat(requests).singleElement().satisfies(r -> {
      assertThat(r.getHeader("X-IDENTITY-HEADER")).isEqualTo(IDENTITY_HEADER);
      assertThat(r.queryParameter("resource").firstValue()).isEqualTo("https://graph.microsoft.com");
      assertThat(r.queryParameter("client_id").isPresent()).isFalse();
    });
    assertThat(f.graphRequests()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token));
  }

  @Test
  void userAssignedIdentityIsChosenByAzureClientId() throws Exception {
    stubIdentityEndpoint(TestJwt.appOnlyFor("https://graph.microsoft.us", "PeopleSettings.Read.All"));
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env = miEnv();
    env.put("AZURE_CLIENT_ID", TestJwt.CLIENT_ID);

    Run run = f.cli(env, "plan", yaml.toString(), "--auth", "managed-identity", "--cloud", "usgov",
        "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("user-assigned managed identity " + TestJwt.CLIENT_ID);
    var request = f.wm.findAll(getRequestedFor(urlPathEqualTo("/msi/token"))).get(0);
    assertThat(request.queryParameter("client_id").firstValue()).isEqualTo(TestJwt.CLIENT_ID);
    assertThat(request.queryParameter("resource").firstValue()).isEqualTo("https://graph.microsoft.us");
  }

  private String stubIdentityEndpoint() {
    return stubIdentityEndpoint(TestJwt.appOnly("PeopleSettings.Read.All"));
  }

  private String stubIdentityEndpoint(String token) {
    f.secrets.add(token);
    long expires = Instant.now().plusSeconds(3600).getEpochSecond();
    f.wm.stubFor(
        get(urlPathEqualTo("/msi/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"" + token + "\",\"expires_on\":\"" + expires + "\",\"resource\":"
                        + "\"https://graph.microsoft.com\",\"token_type\":\"Bearer\"}")));
    return token;
  }

  private Map<String, String> miEnv() {
    return f.env(
        "IDENTITY_ENDPOINT", "http://localhost:" + f.wm.port() + "/msi/token",
        "IDENTITY_HEADER", IDENTITY_HEADER);
  }
}
