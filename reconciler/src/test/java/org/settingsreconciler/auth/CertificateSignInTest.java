package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificate sign-in, end to end, with the three file forms people have: a PFX with its password, a PEM with a
 * PKCS#8 key (what openssl pkcs12 -nodes writes, with its bag attributes), and a PEM with a PKCS#1 RSA key. The
 * fixtures are a throwaway self-signed test certificate (see src/test/resources/auth/README.md).
 */
class CertificateSignInTest {

  static final String PFX_PASSWORD = "pfx-test-password";
  static final Path RESOURCES = Path.of("src/test/resources/auth");

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

  @ParameterizedTest
  @ValueSource(strings = {"client-cert.pfx", "client-cert.pem", "client-cert-pkcs1.pem"})
  void signsAClientAssertionWithTheKeyAndTheTokenReachesGraph(String file) throws Exception {
    String token = TestJwt.appOnly("PeopleSettings.Read.All");
    f.stubToken(TestJwt.TENANT, token, 3599);
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env =
        f.env(
            "AZURE_TENANT_ID", TestJwt.TENANT,
            "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
            "AZURE_CLIENT_CERTIFICATE_PATH", RESOURCES.resolve(file).toAbsolutePath().toString(),
            "AZURE_CLIENT_CERTIFICATE_PASSWORD", PFX_PASSWORD);

    Run run = f.cli(env, "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("Signed in with certificate");
    Map<String, String> form = AuthFixture.form(f.tokenRequests(TestJwt.TENANT).get(0));
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", TestJwt.CLIENT_ID)
        .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .doesNotContainKey("client_secret");
    assertThat(form.get("scope").split(" ")).contains("https://graph.microsoft.com/.default");
    String assertion = form.get("client_assertion");
    f.secrets.add(assertion);
    String[] parts = assertion.split("\\.");
    JsonNode header = json(parts[0]);
    JsonNode claims = json(parts[1]);
    assertThat(header.get("alg").asString()).isEqualTo("RS256");
    assertThat(header.has("x5t") || header.has("x5t#S256")).isTrue();
    assertThat(claims.get("iss").asString()).isEqualTo(TestJwt.CLIENT_ID);
    assertThat(claims.get("sub").asString()).isEqualTo(TestJwt.CLIENT_ID);
    assertThat(claims.get("aud").asString())
        .isEqualTo(f.authorityHost() + "/" + TestJwt.TENANT + "/oauth2/v2.0/token");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(testCertificate());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the certificate's key").isTrue();
    assertThat(f.graphRequests())
        .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token));
  }

  @Test
  void aWrongPfxPasswordIsNamedWithoutThePassword() throws Exception {
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env =
        f.env(
            "AZURE_TENANT_ID", TestJwt.TENANT,
            "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
            "AZURE_CLIENT_CERTIFICATE_PATH", RESOURCES.resolve("client-cert.pfx").toAbsolutePath().toString(),
            "AZURE_CLIENT_CERTIFICATE_PASSWORD", "not-the-password");

    Run run = f.cli(env, "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("cannot load the PKCS#12 certificate").contains("AZURE_CLIENT_CERTIFICATE_PASSWORD");
    assertThat(f.tokenRequests(TestJwt.TENANT)).isEmpty();
  }

  @Test
  void aPemWithoutItsKeyIsRefused() throws Exception {
    String pem = Files.readString(RESOURCES.resolve("client-cert.pem"));
    Path certOnly = tmp.resolve("cert-only.pem");
    Files.writeString(certOnly, pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----")));
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Map<String, String> env =
        f.env(
            "AZURE_TENANT_ID", TestJwt.TENANT,
            "AZURE_CLIENT_ID", TestJwt.CLIENT_ID,
            "AZURE_CLIENT_CERTIFICATE_PATH", certOnly.toString());

    Run run = f.cli(env, "plan", yaml.toString(), "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("must hold both the certificate and its private key (found no private key)");
  }

  private static JsonNode json(String b64) {
    return JsonMapper.builder().build().readTree(new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8));
  }

  private static java.security.PublicKey testCertificate() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(RESOURCES.resolve("client-cert.pfx"))) {
      ks.load(in, PFX_PASSWORD.toCharArray());
    }
    Certificate cert = ks.getCertificate(ks.aliases().nextElement());
    return cert.getPublicKey();
  }
}
