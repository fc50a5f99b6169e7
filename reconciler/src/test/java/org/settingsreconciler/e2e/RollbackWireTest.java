package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.GROUP_A;
import static org.settingsreconciler.e2e.WireHarness.GROUP_B;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.LIMITED;
import static org.settingsreconciler.e2e.WireHarness.PATCHED;
import static org.settingsreconciler.e2e.WireHarness.PINNING;
import static org.settingsreconciler.e2e.WireHarness.POLICY_ID;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/**
 * apply --rollback-on-failure: when a change fails, what the run applied is put back to its "before" values, with
 * exactly the requests Graph needs (properties required in every PATCH, the limited mode group, the id of a created
 * item), and each rollback is reported without hiding the failure that caused it.
 */
class RollbackWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path report;

  private static final String PRONOUNS_ON = "people:\n  pronouns:\n    isEnabledInOrganization: true\n";

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
    report = dir.resolve("report.json");
    // The change that fails in every test.
    h.objectShowingPatch(PRONOUNS, "{\"isEnabledInOrganization\":false}", "{\"isEnabledInOrganization\":true}");
    h.patchFailsFromNowOn(PRONOUNS, graphError(500, "generalException", null, "req-pronouns-500", true));
  }

  private Run apply(String yaml, String... more) {
    List<String> args = new ArrayList<>(List.of("apply", h.yaml("desired.yaml", yaml).toString(), "--auto-approve",
        "--rollback-on-failure", "--report", report.toString()));
    args.addAll(List.of(more));
    return h.graph(args.toArray(String[]::new));
  }

  private static JsonNode json(String text) {
    return WireHarness.JSON.readTree(text);
  }

  private JsonNode report() {
    return WireHarness.JSON.readTree(report.toFile());
  }

  private static JsonNode change(JsonNode report, String address) {
    for (JsonNode c : report.get("changes")) {
      if (c.get("address").asString().equals(address)) {
        return c;
      }
    }
    throw new AssertionError("no change " + address + " in " + report);
  }

  /** The interests of Adele: none, then the created one until it is deleted again. */
  private void interestsShowingCreateAndDelete() {
    String hiking = "{\"id\":\"int-new\",\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}";
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("interests")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(WireMock.post(urlEqualTo(ROOT + INTERESTS)).inScenario("interests").willSetStateTo("created")
        .willReturn(okJson(hiking).withStatus(201)));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("interests").whenScenarioStateIs("created")
        .willReturn(okJson("{\"value\":[" + hiking + "]}")));
    wm.stubFor(WireMock.delete(urlEqualTo(ROOT + INTERESTS + "/int-new")).inScenario("interests")
        .willSetStateTo(Scenario.STARTED).willReturn(aResponse().withStatus(204)));
  }

  @Test
  void everyAppliedChangeIsPutBackWithTheBodiesGraphNeeds() {
    h.objectShowingPatch(ENHANCED,
        "{\"value\":{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_A + "\"}}",
        "{\"value\":{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_B + "\"}}");
    h.secondPatchRestores(ENHANCED);
    h.objectShowingPatch(LIMITED, "{\"isEnabledForGroup\":true,\"groupId\":\"" + GROUP_B + "\"}",
        "{\"isEnabledForGroup\":false,\"groupId\":\"" + GROUP_B + "\"}");
    h.secondPatchRestores(LIMITED);
    h.objectShowingPatch(PINNING,
        "{\"id\":\"microsoft.copilot.copilotchatpinning\",\"value\":\"0\",\"policyId\":\"" + POLICY_ID + "\"}",
        "{\"id\":\"microsoft.copilot.copilotchatpinning\",\"value\":\"1\",\"policyId\":\"" + POLICY_ID + "\"}");
    h.secondPatchRestores(PINNING);
    interestsShowingCreateAndDelete();

    Run r = apply("""
        copilot:
          enhancedPersonalization:
            disabledForGroup: %s
          limitedMode:
            isEnabledForGroup: false
          policySettings:
            microsoft.copilot.copilotchatpinning:
              value: "1"
        people:
          pronouns:
            isEnabledInOrganization: true
        users:
          %s:
            interests:
              Hiking:
                categories: [Outdoors]
        """.formatted(GROUP_B, ADELE));

    assertThat(r.exit()).isEqualTo(1);
    // Forward, then back: isEnabledInOrganization and value are required in every PATCH, and limited mode turned
    // back on carries its group.
    assertThat(h.patchesTo(ENHANCED)).containsExactly(
        json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_B + "\"}"),
        json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_A + "\"}"));
    assertThat(h.patchesTo(LIMITED)).containsExactly(
        json("{\"isEnabledForGroup\":false}"),
        json("{\"isEnabledForGroup\":true,\"groupId\":\"" + GROUP_B + "\"}"));
    assertThat(h.patchesTo(PINNING)).map(JsonNode::toString).containsExactly("{\"value\":\"1\"}", "{\"value\":\"0\"}");
    wm.verify(1, postRequestedFor(urlEqualTo(ROOT + INTERESTS))
        .withRequestBody(equalToJson("{\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(ROOT + INTERESTS + "/int-new")));
    assertThat(h.patchesTo(PRONOUNS)).as("the failed change is not touched again").hasSize(1);

    String hiking = "users[\"" + ADELE + "\"].interests[\"Hiking\"]";
    assertThat(r.out())
        .contains("  rolled back  copilot.enhancedPersonalization    PATCH " + ROOT + ENHANCED + "\n"
            + "               undone by PATCH " + ROOT + ENHANCED + "\n")
        .contains("  rolled back  copilot.limitedMode    PATCH " + ROOT + LIMITED + "\n")
        .contains("  FAILED       people.pronouns    PATCH " + ROOT + PRONOUNS + "\n"
            + "               HTTP 500 generalException: Failure generalException. [request-id req-pronouns-500]\n")
        .contains("  rolled back  " + hiking + "    POST " + ROOT + INTERESTS + "\n"
            + "               undone by DELETE " + ROOT + INTERESTS + "/int-new\n")
        .contains("Apply incomplete: 0 applied, 1 failed, 4 rolled back.\n"
            + "Rolled back 4 changes to their values before this run.\n"
            + "Fix what failed, then run apply again: it sends only what still differs.\n");

    JsonNode json = report();
    assertThat(json.get("rollbackOnFailure").asBoolean()).isTrue();
    assertThat(json.at("/counts/rolled_back").asInt()).isEqualTo(4);
    assertThat(json.at("/counts/failed").asInt()).isEqualTo(1);
    JsonNode enhanced = change(json, "copilot.enhancedPersonalization");
    assertThat(enhanced.get("status").asString()).isEqualTo("rolled_back");
    assertThat(enhanced.get("verification").asString()).as("the forward write was verified").isEqualTo("verified");
    assertThat(enhanced.at("/rollback/undone").asBoolean()).isTrue();
    assertThat(enhanced.at("/rollback/requests/0/method").asString()).isEqualTo("PATCH");
    assertThat(enhanced.at("/rollback/requests/0/body"))
        .isEqualTo(json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_A + "\"}"));
    assertThat(enhanced.get("before"))
        .isEqualTo(json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_A + "\"}"));
    JsonNode created = change(json, hiking);
    assertThat(created.at("/rollback/requests/0/method").asString()).isEqualTo("DELETE");
    assertThat(created.at("/rollback/requests/0/path").asString()).isEqualTo(ROOT + INTERESTS + "/int-new");
    assertThat(change(json, "people.pronouns").get("status").asString()).isEqualTo("failed");
    assertThat(change(json, "people.pronouns").get("rollback").isNull()).isTrue();
  }

  @Test
  void aRollbackThatFailsIsReportedAndTheChangeStaysApplied() {
    h.objectShowingPatch(PRONUNCIATION, "{\"isEnabledInOrganization\":false}", "{\"isEnabledInOrganization\":true}");
    wm.stubFor(WireMock.patch(urlEqualTo(ROOT + PRONUNCIATION)).inScenario(PRONUNCIATION)
        .whenScenarioStateIs(PATCHED).willReturn(graphError(500, "generalException", null, "req-undo-500", true)));

    Run r = apply(PRONOUNS_ON + "  namePronunciation:\n    isEnabledInOrganization: true\n");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(h.patchesTo(PRONUNCIATION)).map(JsonNode::toString)
        .containsExactly("{\"isEnabledInOrganization\":true}", "{\"isEnabledInOrganization\":false}");
    assertThat(r.out())
        .contains("  FAILED           people.pronouns    PATCH " + ROOT + PRONOUNS)
        .contains("  ROLLBACK FAILED  people.namePronunciation    PATCH " + ROOT + PRONUNCIATION + "\n"
            + "                   undoing it failed (PATCH " + ROOT + PRONUNCIATION + "): HTTP 500 generalException: Failure "
            + "generalException. [request-id req-undo-500]; it stays applied\n")
        .contains("Apply incomplete: 0 applied, 1 failed, 1 rollback failed.")
        .contains("Rolled back 0 changes to their values before this run; 1 change could not be rolled back and "
            + "stays applied (see above).");
    JsonNode undo = change(report(), "people.namePronunciation");
    assertThat(undo.get("status").asString()).isEqualTo("rollback_failed");
    assertThat(undo.at("/rollback/undone").asBoolean()).isFalse();
    assertThat(undo.at("/rollback/error/requestId").asString()).isEqualTo("req-undo-500");
    assertThat(undo.at("/rollback/requests/0/body").toString()).isEqualTo("{\"isEnabledInOrganization\":false}");
  }

  @Test
  void aDeletedItemIsCreatedAgainWithItsValues() {
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("interests")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"value\":[{\"id\":\"int-9\",\"displayName\":"
            + "\"Knitting\",\"categories\":[\"Crafts\"],\"description\":\"Wool\",\"webUrl\":null}]}")));
    wm.stubFor(WireMock.delete(urlEqualTo(ROOT + INTERESTS + "/int-9")).inScenario("interests")
        .willSetStateTo("deleted").willReturn(aResponse().withStatus(204)));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("interests").whenScenarioStateIs("deleted")
        .willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(WireMock.post(urlEqualTo(ROOT + INTERESTS)).inScenario("interests").willSetStateTo(Scenario.STARTED)
        .willReturn(okJson("{\"id\":\"int-10\"}").withStatus(201)));

    Run r = apply(PRONOUNS_ON + "users:\n  " + ADELE + ":\n    interests: {}\nprune: [users.interests]\n",
        "--allow-destructive");

    assertThat(r.exit()).isEqualTo(1);
    wm.verify(1, postRequestedFor(urlEqualTo(ROOT + INTERESTS)).withRequestBody(
        equalToJson("{\"displayName\":\"Knitting\",\"categories\":[\"Crafts\"],\"description\":\"Wool\"}")));
    assertThat(r.out()).contains("  rolled back  users[\"" + ADELE + "\"].interests[\"Knitting\"]    DELETE "
        + ROOT + INTERESTS + "/int-9\n               undone by POST " + ROOT + INTERESTS + "\n");
  }

  @Test
  void aRollbackThatWouldBeDestructiveNeedsAllowDestructive() {
    h.objectShowingPatch(ENHANCED, "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}",
        "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");

    Run r = apply(PRONOUNS_ON + "copilot:\n  enhancedPersonalization:\n    isEnabledInOrganization: true\n");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(h.patchesTo(ENHANCED)).as("turning it back off is not sent").hasSize(1);
    assertThat(r.out()).contains("  ROLLBACK FAILED  copilot.enhancedPersonalization    PATCH " + ROOT + ENHANCED + "\n"
        + "                   not rolled back: undoing it is destructive (turning enhanced personalization off "
        + "deletes every user's personalized data, which can't be recovered); it stays applied. Allow that with "
        + "--allow-destructive\n");
    assertThat(change(report(), "copilot.enhancedPersonalization").at("/rollback/requests/0/body").toString())
        .isEqualTo("{\"isEnabledInOrganization\":false}");
  }

  @Test
  void withoutAFailureNothingIsRolledBack() {
    h.patchWorksFromNowOn(PRONOUNS);

    Run r = apply(PRONOUNS_ON);

    assertThat(r.exit()).isZero();
    assertThat(h.patchesTo(PRONOUNS)).hasSize(1);
    assertThat(r.out()).contains("Apply complete: 1 applied, 0 failed.").doesNotContain("olled back");
  }
}
