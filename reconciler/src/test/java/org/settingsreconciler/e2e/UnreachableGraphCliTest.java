package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.TestTokens;

/**
 * A Graph that cannot be reached, and a group lookup that fails, said as what they are: the host, the port and what
 * happened, never "the desired state is invalid" (the YAML is fine), and "nothing was sent" only when no request
 * left the process.
 */
class UnreachableGraphCliTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private static final String TOKEN = TestTokens.distinct("unreachable");

  /** Three group names, as the tester's desired state had: the lookup failing once used to be "3 errors". */
  private static final String THREE_GROUPS = """
      copilot:
        enhancedPersonalization:
          isEnabledInOrganization: true
          disabledForGroup: {group: Pilot}
        limitedMode:
          isEnabledForGroup: true
          groupId: {group: Limited}
      people:
        itemInsights:
          disabledForGroup: {group: Insights Off}
      """;

  private int closedPort;

  @BeforeEach
  void aPortNobodyListensOn() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
  }

  private CliRunner.Run plan(String yaml, String graphUrl) throws IOException {
    Path file = Files.writeString(dir.resolve("desired.yaml"), yaml);
    // No backoff between the retries of a refused connection: the test need not wait for them.
    return CliRunner.run(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN, "RECONCILER_RETRY_BACKOFF_SECONDS", "0"),
        "plan", file.toString(), "--graph-url", graphUrl);
  }

  @Test
  void aRefusedConnectionNamesTheHostThePortAndWhatHappened() throws IOException {
    CliRunner.Run r = plan("people:\n  pronouns:\n    isEnabledInOrganization: true\n",
        "http://127.0.0.1:" + closedPort + "/beta");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).as(r.toString()).contains("! people.pronouns could not be read:\n      no response "
        + "connectionFailed: cannot connect to 127.0.0.1:" + closedPort + ": the connection was refused");
    assertThat(r.out() + r.err()).doesNotContain("invalid").doesNotContain("Exception");
  }

  @Test
  void aGroupLookupThatCannotConnectIsOneErrorAndNothingWasSent() throws IOException {
    CliRunner.Run r = plan(THREE_GROUPS, "http://127.0.0.1:" + closedPort + "/beta");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString())
        .contains("error: could not look up the Entra groups \"Pilot\", \"Limited\", \"Insights Off\" that the "
            + "desired state names, so nothing was planned: no response connectionFailed: cannot connect to "
            + "127.0.0.1:" + closedPort + ": the connection was refused")
        .endsWith("; nothing was sent to the tenant\n")
        .doesNotContain("invalid");
    assertThat(r.err().lines().filter(l -> l.startsWith("error:"))).hasSize(1);
  }

  @Test
  void aGroupLookupGraphRefusesSaysReadsWereSentAndNothingWritten() throws IOException {
    wm.stubFor(WireMock.get(urlPathEqualTo("/beta/groups")).willReturn(
        WireHarness.graphError(403, "Authorization_RequestDenied", null, "req-groups", true)));
    wm.stubFor(WireMock.get(urlPathEqualTo("/beta/organization")).willReturn(
        WireMock.okJson("{\"value\":[{\"id\":\"" + WireHarness.TENANT_ID + "\",\"displayName\":\"Contoso\"}]}")));

    CliRunner.Run r = plan(THREE_GROUPS, wm.baseUrl() + "/beta");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString())
        .contains("could not look up the Entra groups \"Pilot\", \"Limited\", \"Insights Off\"")
        .contains("HTTP 403 Authorization_RequestDenied")
        .endsWith("; nothing was written to the tenant (only reads were sent)\n")
        .doesNotContain("nothing was sent")
        .doesNotContain("invalid");
    // The group lookup, and perhaps the organization read that names the tenant in headings (it runs alongside, and
    // the run may end before it leaves); nothing else.
    wm.verify(1, anyRequestedFor(urlPathEqualTo("/beta/groups")));
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).allSatisfy(q -> {
      assertThat(q.getMethod().getName()).isEqualTo("GET");
      assertThat(q.getUrl()).matches("/beta/(groups|organization)\\b.*");
    });
  }
}
