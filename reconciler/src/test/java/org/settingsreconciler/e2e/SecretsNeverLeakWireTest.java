package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.POLICY_ID;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.WEBSEARCH;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * Secrets never leak, against a Graph that echoes them ({@link EchoingGraph}): the bearer token in an error message,
 * the token as a setting's value, a secret variable's value in the error about the write that carried it. Nothing
 * the tool prints (stdout, stderr, debug log) or writes (check reports in every format, apply reports, saved plans,
 * updated YAML) holds the token; only a saved plan holds a secret variable's value, as apply must send it. The suite's
 * secret scan looks at every file these runs write, too.
 */
class SecretsNeverLeakWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  /** Shaped like Entra's: a delegated Graph token, with the scopes the settings here need. */
  static final String TOKEN = jwt("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"" + UUID.randomUUID()
      + "\",\"idtyp\":\"user\",\"upn\":\"admin@contoso.com\",\"exp\":" + Instant.now().plusSeconds(3600)
      .getEpochSecond() + ",\"scp\":\"PeopleSettings.ReadWrite.All User.ReadWrite.All CopilotPolicySettings"
      + ".ReadWrite\",\"jti\":\"" + UUID.randomUUID() + "\"}");

  /** A secret-looking variable's value (by its name, API_TOKEN), used in an interest's description. */
  static final String SECRET_VALUE = "correct-horse-battery-staple-" + UUID.randomUUID();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
  }

  private Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--graph-url", h.graphUrl()));
    return h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN, "RECONCILER_DEBUG", "1"), all.toArray(String[]::new));
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file);
  }

  /** Pronouns read fine; name pronunciation's read fails with Graph echoing the bearer token. */
  private void tokenEchoedInAReadError() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    wm.stubFor(get(urlEqualTo(ROOT + PRONUNCIATION)).willReturn(
        EchoingGraph.error(401, "bad token Bearer " + EchoingGraph.TOKEN)));
  }

  @Test
  void aGraphErrorEchoingTheTokenIsMaskedInTheOutputAndInCheckReportsOfEveryFormat() throws Exception {
    tokenEchoedInAReadError();
    Path desired = h.yaml("desired.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
        """);
    List<Path> reports = List.of(dir.resolve("check.json"), dir.resolve("check.md"), dir.resolve("check.xml"));

    Run r = run("check", desired.toString(), "--report", reports.get(0).toString(), "--report",
        reports.get(1).toString(), "--report", reports.get(2).toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("could not be read").contains("bad token Bearer ***").doesNotContain(TOKEN);
    assertThat(r.err()).contains("debug: request: ").doesNotContain(TOKEN);
    for (Path report : reports) {
      assertThat(read(report)).as(report.toString()).contains("bad token Bearer ***").doesNotContain(TOKEN)
          .doesNotContain(TOKEN.substring(0, TOKEN.indexOf('.')));
    }
  }

  /**
   * The token inside a longer Base64 text starts at any of three alignments, and its last character holds bits of
   * what follows: before, only the token encoded on its own was masked, and "Authorization: Bearer " (22 bytes) put it
   * off by one.
   */
  @Test
  void theTokenInsideALongerBase64TextIsMasked() throws Exception {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    wm.stubFor(get(urlEqualTo(ROOT + PRONUNCIATION)).willReturn(
        EchoingGraph.error(401, "bad request; its headers: " + EchoingGraph.AUTHORIZATION_BASE64)));
    Path desired = h.yaml("desired.yaml", """
        people:
          namePronunciation:
            isEnabledInOrganization: true
        """);
    String header = "Authorization: Bearer " + TOKEN + "\r\n";
    String encoded = Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8));
    String tokenPart = encoded.substring(32, encoded.length() - 8);

    Run r = run("check", desired.toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("bad request; its headers: ").doesNotContain(tokenPart);
  }

  @Test
  void theTokenHeldAsASettingsValueIsMaskedInTheOutputAndNeverSavedInAPlan() throws Exception {
    wm.stubFor(get(urlEqualTo(ROOT + WEBSEARCH)).willReturn(EchoingGraph.answer(200,
        "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"" + EchoingGraph.TOKEN + "\",\"policyId\":\""
            + POLICY_ID + "\"}")));
    Path desired = h.yaml("desired.yaml", """
        copilot:
          policySettings:
            microsoft.copilot.allowwebsearch:
              value: "1"
        """);
    Path plan = dir.resolve("plan.json");

    Run planned = run("plan", desired.toString(), "--out", plan.toString(), "--format", "json");

    // A plan holding the token cannot be saved as it is, and masked it could not be applied: before, it was saved
    // masked ("Saved the plan ... apply it with ..."), and apply --plan then called the file edited.
    assertThat(planned.exit()).as(planned.err()).isEqualTo(1);
    assertThat(planned.out()).contains("\"before\" : {").contains("***").doesNotContain(TOKEN);
    assertThat(planned.err()).contains("The plan was not saved: it holds a credential this run signs in with")
        .doesNotContain("Saved the plan");
    assertThat(plan).doesNotExist();

    Run accepted = run("check", desired.toString(), "--update-files");

    assertThat(accepted.exit()).as(accepted.err()).isEqualTo(2);
    assertThat(accepted.err()).contains("left unchanged: the tenant's value holds a credential");
    assertThat(read(desired)).as("the token is never written into the YAML").doesNotContain(TOKEN)
        .contains("value: \"1\"");
  }

  /** An interest whose description comes from the secret variable; the tenant's differs. */
  private Path interestFromASecretVariable() {
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Chelsea FC\",\"description\":\"old\","
        + "\"allowedAudiences\":\"organization\"}");
    return h.yaml("desired.yaml", """
        users:
          %s:
            interests:
              Chelsea FC:
                description: "${var:API_TOKEN}"
        """.formatted(ADELE));
  }

  @Test
  void secretVariableValuesAreMaskedInCheckReportsOfEveryFormat() throws Exception {
    Path desired = interestFromASecretVariable();
    List<Path> reports = List.of(dir.resolve("r/check.json"), dir.resolve("r/check.md"), dir.resolve("r/check.xml"));

    Run r = run("check", desired.toString(), "--var", "API_TOKEN=" + SECRET_VALUE, "--report",
        reports.get(0).toString(), "--report", reports.get(1).toString(), "--report", reports.get(2).toString());

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).contains("***").doesNotContain(SECRET_VALUE);
    for (Path report : reports) {
      assertThat(read(report)).as(report.toString()).contains("***").doesNotContain(SECRET_VALUE);
    }
  }

  @Test
  void applyingASavedPlanMasksTheSecretValuesItHoldsThoughGraphEchoesThem() throws Exception {
    Path desired = interestFromASecretVariable();
    wm.stubFor(patch(urlEqualTo(ROOT + INTERESTS + "/i-1")).willReturn(
        EchoingGraph.error(400, "cannot take " + EchoingGraph.BODY + " from Bearer " + EchoingGraph.TOKEN)));
    Path plan = dir.resolve("plan.json");
    Path report = dir.resolve("apply.json");

    Run planned = run("plan", desired.toString(), "--var", "API_TOKEN=" + SECRET_VALUE, "--out", plan.toString());
    assertThat(planned.exit()).as(planned.err()).isZero();
    assertThat(planned.out()).doesNotContain(SECRET_VALUE);
    assertThat(read(plan)).as("a saved plan holds what apply sends").contains(SECRET_VALUE);

    Run applied = run("apply", "--plan", plan.toString(), "--auto-approve", "--report", report.toString());

    assertThat(applied.exit()).as(applied.err()).isEqualTo(1);
    assertThat(applied.out()).contains("cannot take").contains("***")
        .doesNotContain(SECRET_VALUE).doesNotContain(TOKEN);
    assertThat(applied.err()).doesNotContain(SECRET_VALUE).doesNotContain(TOKEN);
    assertThat(read(report)).contains("cannot take").doesNotContain(SECRET_VALUE).doesNotContain(TOKEN);
  }

  @Test
  void aPasswordInTheGraphUrlIsNeverPrintedNorWritten() throws Exception {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    Path desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    String url = h.graphUrl().replace("://", "://reconciler:hunter2-in-the-url@");
    Path report = dir.resolve("check.md");

    Run planned = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), "plan", desired.toString(), "--graph-url", url);
    Run checked = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), "check", desired.toString(), "--report",
        report.toString(), "--graph-url", url);

    assertThat(planned.exit()).as(planned.err()).isZero();
    assertThat(planned.out()).contains("Planned against http://***@").doesNotContain("hunter2");
    assertThat(checked.exit()).as(checked.err()).isEqualTo(2);
    assertThat(checked.err() + checked.out()).contains("://***@").doesNotContain("hunter2");
    assertThat(read(report)).contains("://***@").doesNotContain("hunter2");
  }

  /**
   * A plan saved with a password in --graph-url applies with the same URL. Before: the password was masked in the
   * file after it was sealed, so apply --plan refused every such plan as "changed after it was saved"; and requests
   * went to the URL with its user and password, which this server (HTTP/2) refused for the PATCH: GOAWAY.
   */
  @Test
  void aPlanSavedWithAPasswordInTheGraphUrlHoldsNoneAndApplies() throws Exception {
    h.objectShowingPatch(PRONOUNS, "{\"isEnabledInOrganization\":false}", "{\"isEnabledInOrganization\":true}");
    Path desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    String url = h.graphUrl().replace("://", "://reconciler:hunter2-in-the-url@");
    Path plan = dir.resolve("plan.json");

    Run planned = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), "plan", desired.toString(), "--out",
        plan.toString(), "--graph-url", url);
    Run applied = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", TOKEN), "apply", "--plan", plan.toString(),
        "--graph-url", url);

    assertThat(planned.exit()).as(planned.err()).isZero();
    assertThat(read(plan)).doesNotContain("hunter2").doesNotContain("***");
    assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
  }
}
