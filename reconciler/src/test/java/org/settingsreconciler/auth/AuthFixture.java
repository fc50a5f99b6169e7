package org.settingsreconciler.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.settingsreconciler.cli.Terminal;
import org.settingsreconciler.secrets.InProcessCli;
import org.settingsreconciler.secrets.SecretLedger;
import org.settingsreconciler.secrets.Secrets;

/**
 * One WireMock server playing both Microsoft Entra (the token endpoint, over https: msal4j accepts no other scheme)
 * and Microsoft Graph (over http on loopback, which the tool allows), a private HOME and PATH, and a CLI runner
 * that scans everything printed for the secrets the test registered.
 */
final class AuthFixture implements AutoCloseable {

  static final String TLS_KEYSTORE = "src/test/resources/auth/tls-server.p12";
  static final String TLS_PASSWORD = "test-only";

  private static final Pattern ANY_JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}");

  final WireMockServer wm;
  final Path dir;
  final Set<String> secrets = new LinkedHashSet<>();
  final List<String> printed = new ArrayList<>();

  static {
    // Maven sets these (pom.xml); an IDE run of one test may not.
    if (System.getProperty("javax.net.ssl.trustStore") == null) {
      System.setProperty("javax.net.ssl.trustStore", "src/test/resources/auth/tls-trust.p12");
      System.setProperty("javax.net.ssl.trustStorePassword", TLS_PASSWORD);
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }
  }

  AuthFixture(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("bin"));
    Files.createDirectories(dir.resolve("home"));
    wm =
        new WireMockServer(
            wireMockConfig()
                .dynamicPort()
                .dynamicHttpsPort()
                .keystorePath(TLS_KEYSTORE)
                .keystorePassword(TLS_PASSWORD)
                .keyManagerPassword(TLS_PASSWORD)
                .keystoreType("PKCS12"));
    wm.start();
  }

  String authorityHost() {
    return "https://localhost:" + wm.httpsPort();
  }

  String graphUrl() {
    return "http://localhost:" + wm.port() + "/beta";
  }

  /** A clean environment: own HOME and config dir, a PATH with nothing on it, Entra at WireMock. */
  Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", dir.resolve("home").toString());
    env.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
    env.put("PATH", dir.resolve("bin").toString());
    env.put("AZURE_AUTHORITY_HOST", authorityHost());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
      if (Secrets.CREDENTIAL_VARIABLES.contains(pairs[i])) {
        secrets.add(pairs[i + 1]);
      }
    }
    return env;
  }

  /** Entra's token endpoint for a tenant, answering with {@code accessToken}. */
  void stubToken(String tenant, String accessToken, int expiresIn) {
    secrets.add(accessToken);
    wm.stubFor(
        post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token"))
            .willReturn(
                okJson(
                    "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                        + ",\"access_token\":\"" + accessToken + "\"}")));
  }

  /** Graph's pronouns setting, as the tenant has it. */
  void stubPronouns(boolean enabled) {
    wm.stubFor(
        get(urlPathEqualTo("/beta/admin/people/pronouns"))
            .willReturn(okJson("{\"isEnabledInOrganization\":" + enabled + "}")));
  }

  void stubGraphGet(String path, String json) {
    wm.stubFor(get(urlPathEqualTo("/beta" + path)).willReturn(okJson(json)));
  }

  void stubForbidden(String path) {
    wm.stubFor(
        get(urlPathEqualTo("/beta" + path))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("request-id", "req-403")
                    .withBody("{\"error\":{\"code\":\"accessDenied\",\"message\":\"Access denied\"}}")));
  }

  /** A desired-state file. */
  Path yaml(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  /** Requests to the token endpoint of a tenant, in order. */
  List<LoggedRequest> tokenRequests(String tenant) {
    return wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")));
  }

  /**
   * The requests for settings that reached Graph; not the organization read with which every plan names its tenant
   * (here unanswered, 404: the tenant is then named by the token's tid alone).
   */
  List<LoggedRequest> graphRequests() {
    return wm.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlMatching("/beta/.*")))
        .stream()
        .filter(r -> !r.getUrl().startsWith("/beta/organization"))
        .toList();
  }

  /** The form fields of a token request. */
  static Map<String, String> form(LoggedRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Run cli(Map<String, String> env, String... args) {
    return cli(env, Terminal.none(), args);
  }

  Run cli(Map<String, String> env, Terminal terminal, String... args) {
    if (java.util.Arrays.asList(args).contains("--graph-url")) {
      // These tests check sign-in and which requests reach Graph, one by one; batching has tests of its own.
      args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--batch-size", "1"))
          .toArray(String[]::new);
    }
    // The suite-wide scan looks for them too, in the files the run wrote as well (see secrets.SecretLedger).
    secrets.forEach(s -> SecretLedger.credential(s, "a secret of the sign-in test"));
    InProcessCli.Result result = InProcessCli.run(env, terminal, args);
    Run run = new Run(result.exit(), result.out(), result.err());
    printed.add(run.out());
    printed.add(run.err());
    assertNoSecret(run.toString());
    return run;
  }

  /** No registered secret, and nothing shaped like a JWT, in {@code text}. */
  void assertNoSecret(String text) {
    for (String s : secrets) {
      assertThat(text).as("a secret was printed").doesNotContain(s);
    }
    assertThat(ANY_JWT.matcher(text).find()).as("a JWT was printed:\n" + text).isFalse();
  }

  static Terminal interactive() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public String readLine(String prompt) {
        return null;
      }
    };
  }

  @Override
  public void close() {
    wm.stop();
  }
}
