package org.settingsreconciler.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/**
 * Delegated sign-in with the device code flow: {@code login} asks Entra for a code, shows it, polls the token
 * endpoint, and keeps the tokens in an owner-only cache file; later runs use the access token while it lasts and
 * then the refresh token, without asking; {@code logout} forgets it all.
 */
class DeviceCodeSignInTest {

  static final String USER_OID = "99999999-8888-7777-6666-555555555555";
  static final String[] SCOPES = {"CopilotSettings-LimitedMode.ReadWrite", "PeopleSettings.ReadWrite.All"};

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
  void loginShowsTheCodeAndLaterRunsUseTheSavedSignInUntilLogout() throws Exception {
    String first = TestJwt.delegated(SCOPES);
    stubDeviceCodeFlow(first, "refresh-token-one-0123456789", 3599);
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env = f.env("AZURE_CLIENT_ID", TestJwt.CLIENT_ID);

    Run login = f.cli(env, "login");

    assertThat(login.code()).as(login.toString()).isZero();
    assertThat(login.err()).contains("https://microsoft.com/devicelogin").contains("ABCD-EFGH");
    assertThat(login.out())
        .contains("Signed in as admin@contoso.com to tenant " + TestJwt.TENANT)
        .contains("Delegated permissions granted: CopilotSettings-LimitedMode.ReadWrite, PeopleSettings.ReadWrite.All");
    Map<String, String> codeForm =
        AuthFixture.form(f.wm.findAll(postRequestedFor(urlPathEqualTo("/organizations/oauth2/v2.0/devicecode"))).get(0));
    assertThat(codeForm).containsEntry("client_id", TestJwt.CLIENT_ID);
    assertThat(codeForm.get("scope").split(" ")).contains("https://graph.microsoft.com/.default", "offline_access");
    Map<String, String> pollForm = AuthFixture.form(f.tokenRequests("organizations").get(0));
    // msal4j sends the short grant name, which Entra accepts as well as the RFC 8628 URN.
    assertThat(pollForm.get("grant_type")).isIn("device_code", "urn:ietf:params:oauth:grant-type:device_code");
    assertThat(pollForm)
        .containsEntry("device_code", "device-code-123")
        .containsEntry("client_id", TestJwt.CLIENT_ID);
    Path cache = tmp.resolve("home/.config/settings-reconciler/token-cache.json");
    assertThat(cache).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(cache)).contains("refresh-token-one-0123456789").contains("admin@contoso.com");

    Run plan = f.cli(env, "plan", yaml.toString(), "--auth", "device-code", "--graph-url", f.graphUrl());

    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.err()).contains("Signed in with device code sign-in of admin@contoso.com")
        .contains("delegated token of admin@contoso.com; delegated permissions: CopilotSettings-LimitedMode.ReadWrite");
    assertThat(tokenRequestCount()).as("the cached access token is reused").isEqualTo(1);
    assertThat(f.graphRequests()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + first));

    Map<String, String> noClientId = f.env();
    Run auto = f.cli(noClientId, "plan", yaml.toString(), "--graph-url", f.graphUrl());
    assertThat(auto.code()).as("auto picks the saved sign-in, whose app it remembers\n" + auto).isZero();
    assertThat(auto.err()).contains("Signed in with device code sign-in of admin@contoso.com");

    Run logout = f.cli(env, "logout");
    assertThat(logout.code()).isZero();
    assertThat(logout.out()).contains("Signed out: deleted " + cache);
    assertThat(cache).doesNotExist();
    Run after = f.cli(env, "plan", yaml.toString(), "--auth", "device-code", "--graph-url", f.graphUrl());
    assertThat(after.code()).isEqualTo(1);
    assertThat(after.err()).contains("not signed in: run `reconciler login` (device code) first");
    assertThat(f.cli(env, "logout").out()).contains("Not signed in");
  }

  @Test
  void anExpiredAccessTokenIsRefreshedSilentlyAndTheCacheUpdated() throws Exception {
    // msal4j treats a token within 5 minutes of expiry as expired.
    stubDeviceCodeFlow(TestJwt.delegated(SCOPES), "refresh-token-one-0123456789", 60);
    String second = TestJwt.delegated(SCOPES);
    f.secrets.add(second);
    f.secrets.add("refresh-token-two-0123456789");
    f.wm.stubFor(
        post(urlPathEqualTo("/organizations/oauth2/v2.0/token"))
            .withRequestBody(containing("grant_type=refresh_token"))
            .willReturn(okJson(tokenResponse(second, "refresh-token-two-0123456789", 3599))));
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env = f.env("AZURE_CLIENT_ID", TestJwt.CLIENT_ID);
    assertThat(f.cli(env, "login").code()).isZero();

    Run plan = f.cli(env, "plan", yaml.toString(), "--auth", "device-code", "--graph-url", f.graphUrl());

    assertThat(plan.code()).as(plan.toString()).isZero();
    // Later runs use the authority the login used (no tenant given: organizations).
    List<Map<String, String>> refresh =
        f.tokenRequests("organizations").stream().map(AuthFixture::form)
            .filter(form -> !form.containsKey("device_code")).toList();
    assertThat(refresh).singleElement().satisfies(form -> {
      assertThat(form).containsEntry("grant_type", "refresh_token")
          .containsEntry("refresh_token", "refresh-token-one-0123456789")
          .containsEntry("client_id", TestJwt.CLIENT_ID);
      assertThat(form.get("scope").split(" ")).contains("https://graph.microsoft.com/.default");
    });
    assertThat(f.graphRequests()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + second));
    String cache = Files.readString(tmp.resolve("home/.config/settings-reconciler/token-cache.json"));
    assertThat(cache).contains("refresh-token-two-0123456789").doesNotContain("refresh-token-one-0123456789");
  }

  @Test
  void deviceCodeByNameSignsInOnATerminalWhenNothingIsSaved() throws Exception {
    stubDeviceCodeFlow(TestJwt.delegated(SCOPES), "refresh-token-one-0123456789", 3599);
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env = f.env("AZURE_CLIENT_ID", TestJwt.CLIENT_ID);

    Run plan = f.cli(env, AuthFixture.interactive(), "plan", yaml.toString(), "--auth", "device-code",
        "--graph-url", f.graphUrl());

    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.err()).contains("ABCD-EFGH");
    assertThat(tmp.resolve("home/.config/settings-reconciler/token-cache.json")).exists();
  }

  @Test
  void loginNeedsAnAppRegistration() {
    Run login = f.cli(f.env(), "login");

    assertThat(login.code()).isEqualTo(1);
    assertThat(login.err()).contains("device code sign-in needs AZURE_CLIENT_ID")
        .contains("Allow public client flows");
    assertThat(f.wm.getAllServeEvents()).isEmpty();
  }

  private int tokenRequestCount() {
    return f.wm.findAll(postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(
        "/.*/oauth2/v2.0/token"))).size();
  }

  /** Entra's device code endpoint, and its token endpoint answering the first poll. */
  private void stubDeviceCodeFlow(String accessToken, String refreshToken, int expiresIn) {
    f.secrets.add(accessToken);
    f.secrets.add(refreshToken);
    f.wm.stubFor(
        post(urlPathEqualTo("/organizations/oauth2/v2.0/devicecode"))
            .willReturn(
                okJson(
                    "{\"user_code\":\"ABCD-EFGH\",\"device_code\":\"device-code-123\",\"verification_uri\":"
                        + "\"https://microsoft.com/devicelogin\",\"expires_in\":900,\"interval\":1,\"message\":"
                        + "\"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and "
                        + "enter the code ABCD-EFGH to authenticate.\"}")));
    f.wm.stubFor(
        post(urlPathEqualTo("/organizations/oauth2/v2.0/token"))
            .withRequestBody(containing("device_code"))
            .willReturn(okJson(tokenResponse(accessToken, refreshToken, expiresIn))));
  }

  private static String tokenResponse(String accessToken, String refreshToken, int expiresIn) {
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("aud", TestJwt.CLIENT_ID);
    id.put("iss", "https://login.microsoftonline.com/" + TestJwt.TENANT + "/v2.0");
    id.put("iat", Instant.now().getEpochSecond());
    id.put("nbf", Instant.now().getEpochSecond());
    id.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
    id.put("name", "Contoso Admin");
    id.put("oid", USER_OID);
    id.put("preferred_username", "admin@contoso.com");
    id.put("sub", "subject");
    id.put("tid", TestJwt.TENANT);
    id.put("ver", "2.0");
    String clientInfo = TestJwt.b64("{\"uid\":\"" + USER_OID + "\",\"utid\":\"" + TestJwt.TENANT + "\"}");
    // For a .default request Entra lists the granted scopes and .default itself (as in the Azure CLI's cache).
    String scope = "https://graph.microsoft.com/" + String.join(" https://graph.microsoft.com/", SCOPES)
        + " https://graph.microsoft.com/.default";
    return "{\"token_type\":\"Bearer\",\"scope\":\"" + scope + "\",\"expires_in\":" + expiresIn
        + ",\"ext_expires_in\":" + expiresIn + ",\"access_token\":\"" + accessToken + "\",\"refresh_token\":\""
        + refreshToken + "\",\"id_token\":\"" + TestJwt.of(id) + "\",\"client_info\":\"" + clientInfo + "\"}";
  }
}
