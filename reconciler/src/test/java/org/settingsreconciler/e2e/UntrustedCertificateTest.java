package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.TestTokens;

/**
 * TLS checks are never turned off. Graph, or Entra's token endpoint, at an https address whose certificate the JVM
 * does not trust (WireMock's own self-signed one: the test JVM trusts only src/test/resources/auth/tls-trust.p12,
 * and no JVM trusts WireMock's) is refused at once with an error that names the certificate problem and says what
 * to do, without a stack trace; no request reaches the server, neither sent nor retried some less careful way.
 */
class UntrustedCertificateTest {

  private static final String NOT_TRUSTED = " is not trusted (unable to find valid certification path to requested "
      + "target); certificates are always checked, so use an address with a certificate this machine trusts, or add "
      + "the certificate's CA to Java's trust store (javax.net.ssl.trustStore)";

  @TempDir Path dir;
  private WireMockServer untrusted;
  private Path desired;

  @BeforeEach
  void start() throws Exception {
    untrusted = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort());
    untrusted.start();
    desired = Files.writeString(dir.resolve("desired.yaml"),
        "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
  }

  @AfterEach
  void stop() {
    untrusted.stop();
  }

  private String https() {
    return "https://localhost:" + untrusted.httpsPort();
  }

  @Test
  void graphWithAnUntrustedCertificateIsRefusedOnceAndReceivesNothing() {
    CliRunner.Run run = CliRunner.run(Map.of("RECONCILER_ACCESS_TOKEN", TestTokens.distinct("tls")),
        "plan", desired.toString(), "--graph-url", https() + "/beta");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).as(run.toString())
        .contains("! people.pronouns could not be read:\n      no response tlsHandshakeFailed: the certificate of "
            + "localhost:" + untrusted.httpsPort() + NOT_TRUSTED + " [client-request-id ")
        .as("a certificate is as untrusted the next time: not retried").doesNotContain("gave up after");
    assertNoTraceAndNothingReceived(run);
  }

  @Test
  void entraWithAnUntrustedCertificateIsRefusedAndReceivesNothing() {
    CliRunner.Run run = CliRunner.run(Map.of(
            "AZURE_TENANT_ID", "contoso.onmicrosoft.com",
            "AZURE_CLIENT_ID", "11111111-2222-3333-4444-555555555555",
            "AZURE_CLIENT_SECRET", TestTokens.distinct("client-secret"),
            "AZURE_AUTHORITY_HOST", https()),
        "plan", desired.toString(), "--graph-url", https() + "/beta");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: sign-in failed; nothing was sent to Graph: sign-in with the client secret "
        + "failed: the certificate of the sign-in service" + NOT_TRUSTED + "\n");
    assertNoTraceAndNothingReceived(run);
  }

  private void assertNoTraceAndNothingReceived(CliRunner.Run run) {
    assertThat(run.out() + run.err()).as(run.toString())
        .doesNotContain("\tat ")
        .doesNotContainPattern("\\b(java|javax|sun|com|org)\\.[\\w.$]+(Exception|Error)\\b");
    assertThat(untrusted.findAll(anyRequestedFor(anyUrl()))).as("requests that reached the server, on either port")
        .isEmpty();
  }
}
