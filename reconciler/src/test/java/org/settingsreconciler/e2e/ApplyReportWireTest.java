package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PINNING;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/**
 * apply --report FILE: written however apply ends once there is a plan (applied, refused by a rail, by a read that
 * failed, by a saved plan gone stale, nothing to do), for fresh and saved plans alike, and never with a secret in it.
 */
class ApplyReportWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path report;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
    report = dir.resolve("out/apply.json");
  }

  private JsonNode report() {
    return WireHarness.JSON.readTree(report.toFile());
  }

  @Test
  void aSavedPlanIsReportedWithItsFileAndItsBeforeValues() {
    h.objectShowingPatch(PRONOUNS, "{\"isEnabledInOrganization\":false}", "{\"isEnabledInOrganization\":true}");
    Path desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Path saved = dir.resolve("plan.json");
    assertThat(h.graph("plan", desired.toString(), "--out", saved.toString()).exit()).isZero();

    Run r = h.graph("apply", "--plan", saved.toString(), "--report", report.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    JsonNode json = report();
    assertThat(json.get("savedPlan").asString()).isEqualTo(saved.toString());
    assertThat(json.get("result").asString()).isEqualTo("complete");
    assertThat(json.at("/changes/0/status").asString()).isEqualTo("applied");
    assertThat(json.at("/changes/0/verification").asString()).isEqualTo("verified");
    assertThat(json.at("/changes/0/before").toString()).isEqualTo("{\"isEnabledInOrganization\":false}");
    assertThat(json.at("/counts/total").asInt()).isEqualTo(1);
  }

  @Test
  void aStaleSavedPlanIsReportedRefusedWithWhatChanged() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    Path desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Path saved = dir.resolve("plan.json");
    assertThat(h.graph("plan", desired.toString(), "--out", saved.toString()).exit()).isZero();
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");

    Run r = h.graph("apply", "--plan", saved.toString(), "--report", report.toString());

    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = report();
    assertThat(json.get("result").asString()).isEqualTo("refused");
    assertThat(json.get("refusals").get(0).asString()).isEqualTo("the saved plan no longer matches the tenant");
    assertThat(json.get("refusals").get(1).asString())
        .isEqualTo("people.pronouns.isEnabledInOrganization: was false when planned, is true now");
    assertThat(json.at("/changes/0/status").asString()).isEqualTo("not_attempted");
    h.verifyOnlyReads();
  }

  @Test
  void aPlanRefusedByARailIsReportedNotAttempted() {
    h.list(INTERESTS, "{\"id\":\"int-9\",\"displayName\":\"Knitting\"}");
    Path desired = h.yaml("desired.yaml", "users:\n  " + ADELE + ":\n    interests: {}\nprune: [users.interests]\n");

    Run r = h.graph("apply", desired.toString(), "--auto-approve", "--report", report.toString());

    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = report();
    assertThat(json.get("result").asString()).isEqualTo("refused");
    assertThat(json.get("refusals").get(0).asString()).startsWith("users[\"" + ADELE + "\"].interests[\"Knitting\"] "
        + "is destructive: deletes this person interest");
    JsonNode change = json.at("/changes/0");
    assertThat(change.get("action").asString()).isEqualTo("delete");
    assertThat(change.get("status").asString()).isEqualTo("not_attempted");
    assertThat(change.get("detail").asString()).startsWith("not sent: apply refused (");
    assertThat(change.get("before").toString()).isEqualTo("{\"id\":\"int-9\",\"displayName\":\"Knitting\"}");
    h.verifyOnlyReads();
  }

  @Test
  void aPlanWithASettingThatCouldNotBeReadIsReportedRefused() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.getAnswers(PINNING, graphError(403, "accessDenied", null, "req-403", true));
    Path desired = h.yaml("desired.yaml", """
        copilot:
          policySettings:
            microsoft.copilot.copilotchatpinning:
              value: "1"
        people:
          pronouns:
            isEnabledInOrganization: true
        """);

    Run r = h.graph("apply", desired.toString(), "--auto-approve", "--report", report.toString());

    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = report();
    assertThat(json.get("result").asString()).isEqualTo("refused");
    assertThat(json.get("refusals").get(0).asString())
        .isEqualTo("the plan is incomplete: 1 setting could not be read");
    assertThat(json.at("/changes/0/address").asString()).isEqualTo("people.pronouns");
    assertThat(json.at("/changes/0/status").asString()).isEqualTo("not_attempted");
    h.verifyOnlyReads();
  }

  @Test
  void nothingToDoIsReportedToo() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    Path desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run r = h.graph("apply", desired.toString(), "--auto-approve", "--report", report.toString());

    assertThat(r.exit()).isZero();
    JsonNode json = report();
    assertThat(json.get("result").asString()).isEqualTo("nothing_to_do");
    assertThat(json.get("changes")).isEmpty();
    assertThat(json.get("exitCode").asInt()).isZero();
  }

  @Test
  void secretLookingValuesAreMaskedInTheReportAsInThePlan() throws Exception {
    String secret = "Zq8xV2mN5pL7rT3wK9yB4cF6hJ1dG0sA";
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).willReturn(okJson("{\"value\":[]}")));
    h.postCreated(INTERESTS);
    Path desired = h.yaml("desired.yaml", """
        users:
          %s:
            interests:
              Hiking:
                description: "${var:API_TOKEN}"
        """.formatted(ADELE));

    Run r = h.graph("apply", desired.toString(), "--auto-approve", "--no-verify", "--var", "API_TOKEN=" + secret,
        "--report", report.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    h.verifyPost(INTERESTS, "{\"displayName\":\"Hiking\",\"description\":\"" + secret + "\"}");
    String text = Files.readString(report);
    assertThat(r.out()).doesNotContain(secret);
    assertThat(text).doesNotContain(secret).contains("\"description\" : \"***\"");
  }

  @Test
  void aReportFileMustBeJson() {
    Path desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run r = h.graph("apply", desired.toString(), "--auto-approve", "--report", "apply.md");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("apply.md: the apply report is JSON; name the file *.json");
    h.verifyNoRequests();
  }
}
