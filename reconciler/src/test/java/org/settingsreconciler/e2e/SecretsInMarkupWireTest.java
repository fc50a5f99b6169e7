package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import org.settingsreconciler.secrets.AsShown;

/**
 * Secrets stay masked in Markdown and JUnit XML, where the renderers escape characters on the way out: Markdown
 * writes {@code _} as {@code &#95;} and {@code |} in a table cell as {@code \|}, XML writes {@code <} as
 * {@code &lt;}. A secret holding such a character (Entra tokens and client secrets hold {@code _}, {@code -} and
 * {@code ~}) is then not the text the redaction point looked for, yet a pull-request comment or CI page shows it as
 * it was. Each output is read here as its reader sees it, with the escapes undone.
 */
class SecretsInMarkupWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  /** Shaped like an Entra token or client secret: letters, digits, {@code _}, {@code -}, {@code ~} and {@code .}. */
  static final String TOKEN = "opaque_token~" + UUID.randomUUID() + "_x.y";

  /** A JWT that is not the run's own (Graph echoing some other token); its payload has a {@code _}. */
  static final String OTHER_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJfX19fIn0.c2ln_bmF0dXJl";

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  /** The text as a Markdown or XML reader shows it. */
  private static String asShown(String text) {
    return AsShown.of(text);
  }

  private Path pronounsAndPronunciation() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    return h.yaml("desired.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
        """);
  }

  @Test
  void aTokenWithUnderscoresEchoedInAnErrorIsMaskedInMarkdownAndXml() throws Exception {
    Path desired = pronounsAndPronunciation();
    wm.stubFor(get(urlEqualTo(ROOT + PRONUNCIATION)).willReturn(EchoingGraph.error(401,
        "bad token " + EchoingGraph.TOKEN + " and another one: " + OTHER_JWT)));
    List<Path> reports = List.of(dir.resolve("check.md"), dir.resolve("check.xml"), dir.resolve("check.json"));

    Run r = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), "check", desired.toString(), "--format", "markdown",
        "--graph-url", h.graphUrl(), "--report", reports.get(0).toString(), "--report", reports.get(1).toString(),
        "--report", reports.get(2).toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(asShown(r.out())).contains("bad token *** and another one: ***").doesNotContain(TOKEN)
        .doesNotContain(OTHER_JWT);
    for (Path report : reports) {
      assertThat(asShown(Files.readString(report))).as(report.toString()).contains("bad token ***")
          .doesNotContain(TOKEN).doesNotContain(OTHER_JWT);
    }
  }

  @Test
  void aPasswordWithUnderscoresInTheGraphUrlIsMaskedInMarkdown() throws Exception {
    Path desired = pronounsAndPronunciation();
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":false}");
    String url = h.graphUrl().replace("://", "://the_user:hunter2_in_the_url@");
    Path report = dir.resolve("check.md");

    Run r = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), "check", desired.toString(), "--format", "markdown",
        "--graph-url", url, "--report", report.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(asShown(r.out())).contains("://***@").doesNotContain("hunter2");
    assertThat(asShown(Files.readString(report))).contains("://***@").doesNotContain("hunter2");
  }

  @Test
  void aSecretVariableWithMarkupCharactersIsMaskedInMarkdownAndXmlReports() throws Exception {
    String secret = "pa|ss<w>o&r\"d_" + UUID.randomUUID();
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Chelsea FC\",\"description\":\"old\","
        + "\"allowedAudiences\":\"organization\"}");
    Path desired = h.yaml("desired.yaml", """
        users:
          %s:
            interests:
              Chelsea FC:
                description: "${var:MY_PASSWORD}"
        """.formatted(ADELE));
    List<Path> reports = List.of(dir.resolve("check.md"), dir.resolve("check.xml"));

    Run r = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), "check", desired.toString(), "--format", "markdown",
        "--var", "MY_PASSWORD=" + secret, "--graph-url", h.graphUrl(), "--report", reports.get(0).toString(),
        "--report", reports.get(1).toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(asShown(r.out())).contains("***").doesNotContain(secret);
    for (Path report : reports) {
      assertThat(asShown(Files.readString(report))).as(report.toString()).contains("***").doesNotContain(secret);
    }
  }
}
