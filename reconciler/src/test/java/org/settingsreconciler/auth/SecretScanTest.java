package org.settingsreconciler.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.FixedTestSecrets;

/**
 * Every credential, working and failing, with debug output on and services that echo secrets back in their errors:
 * no secret and no token may appear in anything the tool prints or writes, except the token cache, whose job it
 * is to hold them. msal4j and the libraries must print nothing at all of their own.
 */
class SecretScanTest {

  // Fixed, so that the suite-wide scan (secrets.SecretScanExtension) looks for them in every test's output too.
  static final String CLIENT_SECRET = FixedTestSecrets.CLIENT_SECRET;
  static final String PFX_PASSWORD = FixedTestSecrets.PFX_PASSWORD;
  static final String GITHUB_TOKEN = FixedTestSecrets.GITHUB_TOKEN;
  static final String IDENTITY_HEADER = FixedTestSecrets.IDENTITY_HEADER;
  static final String STATIC_TOKEN = FixedTestSecrets.STATIC_TOKEN;

  @TempDir Path tmp;
  AuthFixture f;
  PrintStream realOut;
  PrintStream realErr;
  ByteArrayOutputStream processOutput = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    f = new AuthFixture(tmp);
    f.secrets.addAll(List.of(CLIENT_SECRET, PFX_PASSWORD, GITHUB_TOKEN, IDENTITY_HEADER, STATIC_TOKEN));
    realOut = System.out;
    realErr = System.err;
    PrintStream capture = new PrintStream(processOutput, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
  }

  @AfterEach
  void stop() {
    System.setOut(realOut);
    System.setErr(realErr);
    f.close();
  }

  @Test
  void nothingPrintedOrWrittenHoldsASecret() throws Exception {
    String appToken = TestJwt.appOnly("PeopleSettings.ReadWrite.All");
    f.stubToken(TestJwt.TENANT, appToken, 3599);
    f.stubPronouns(false);
    f.wm.stubFor(patch(urlPathEqualTo("/beta/admin/people/pronouns")).willReturn(aResponse().withStatus(204)));
    Path yaml = f.yaml("desired.yaml", PreflightCliTest.DESIRED);
    Path people = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Path plan = tmp.resolve("out/plan.json");

    // Client secret: plan, saved plan, apply, check, export.
    Map<String, String> secret = debug(f.env("AZURE_TENANT_ID", TestJwt.TENANT, "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "AZURE_CLIENT_SECRET", CLIENT_SECRET));
    f.cli(secret, "plan", yaml.toString(), "--graph-url", f.graphUrl());
    f.cli(secret, "plan", people.toString(), "--out", plan.toString(), "--graph-url", f.graphUrl());
    f.cli(secret, "apply", "--plan", plan.toString(), "--auto-approve", "--graph-url", f.graphUrl(), "--report",
        tmp.resolve("out/apply-saved.json").toString(), "--verify-wait", "0");
    f.cli(secret, "apply", people.toString(), "--auto-approve", "--graph-url", f.graphUrl(), "--report",
        tmp.resolve("out/apply.json").toString(), "--verify-wait", "0", "--rollback-on-failure");
    f.cli(secret, "check", yaml.toString(), "--format", "json", "--graph-url", f.graphUrl());
    f.cli(secret, "export", "--out", tmp.resolve("out/export.yaml").toString(), "--graph-url", f.graphUrl());

    // Certificate with a wrong password, and a right one.
    String pfx = Path.of("src/test/resources/auth/client-cert.pfx").toAbsolutePath().toString();
    f.cli(debug(f.env("AZURE_TENANT_ID", TestJwt.TENANT, "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "AZURE_CLIENT_CERTIFICATE_PATH", pfx, "AZURE_CLIENT_CERTIFICATE_PASSWORD", PFX_PASSWORD + "x")),
        "plan", people.toString(), "--graph-url", f.graphUrl());
    f.cli(debug(f.env("AZURE_TENANT_ID", TestJwt.TENANT, "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "AZURE_CLIENT_CERTIFICATE_PATH", pfx, "AZURE_CLIENT_CERTIFICATE_PASSWORD", PFX_PASSWORD)),
        "plan", people.toString(), "--graph-url", f.graphUrl());

    // Workload identity: a federated token file, and GitHub's endpoint failing with the request token echoed.
    String federated = WorkloadIdentitySignInTest.federatedToken(java.time.Instant.now().plusSeconds(3600));
    f.secrets.add(federated);
    Path file = tmp.resolve("federated-token");
    Files.writeString(file, federated);
    f.cli(debug(f.env("AZURE_TENANT_ID", TestJwt.TENANT, "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "AZURE_FEDERATED_TOKEN_FILE", file.toString())), "plan", people.toString(), "--graph-url", f.graphUrl());
    f.wm.stubFor(get(urlPathEqualTo("/_apis/oidc")).willReturn(aResponse().withStatus(500)
        .withBody("bad request token " + GITHUB_TOKEN)));
    f.cli(debug(f.env("AZURE_TENANT_ID", TestJwt.TENANT, "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
        "ACTIONS_ID_TOKEN_REQUEST_URL", "https://localhost:" + f.wm.httpsPort() + "/_apis/oidc?api-version=2.0",
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN", GITHUB_TOKEN)), "plan", people.toString(), "--graph-url", f.graphUrl());

    // Managed identity whose endpoint fails, echoing the header.
    f.wm.stubFor(get(urlPathEqualTo("/msi/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_request\",\"error_description\":\"bad header " + IDENTITY_HEADER + "\"}")));
    f.cli(debug(f.env("IDENTITY_ENDPOINT", "http://localhost:" + f.wm.port() + "/msi/token",
        "IDENTITY_HEADER", IDENTITY_HEADER)), "plan", people.toString(), "--graph-url", f.graphUrl());

    // A static token, and Entra echoing the secret in an error.
    f.cli(debug(f.env("RECONCILER_ACCESS_TOKEN", STATIC_TOKEN)), "plan", people.toString(), "--graph-url",
        f.graphUrl());

    List<String> everything = new ArrayList<>(f.printed);
    try (Stream<Path> files = Files.walk(tmp)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        boolean tokenCache = p.getFileName().toString().equals("token-cache.json");
        boolean input = p.startsWith(tmp.resolve("bin")) || p.equals(file);
        if (!tokenCache && !input) {
          everything.add(p + ":\n" + Files.readString(p, StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertThat(everything).hasSizeGreaterThan(20);
    assertThat(tmp.resolve("out/apply.json")).as("the apply report is scanned too").exists();
    assertThat(tmp.resolve("out/apply-saved.json")).exists();
    assertThat(String.join("\n", f.printed)).as("what services echoed is masked").contains("***");
    for (String text : everything) {
      f.assertNoSecret(text);
    }
    assertThat(processOutput.toString(StandardCharsets.UTF_8))
        .as("msal4j and the other libraries print nothing of their own").isEmpty();
  }

  private static Map<String, String> debug(Map<String, String> env) {
    env.put("RECONCILER_DEBUG", "1");
    return env;
  }
}
