package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.SavedPlanEdits.applySavedAt;
import static org.settingsreconciler.e2e.SavedPlanEdits.assertRefusedAndNothingWritten;
import static org.settingsreconciler.e2e.SavedPlanEdits.change;
import static org.settingsreconciler.e2e.SavedPlanEdits.reseal;
import static org.settingsreconciler.e2e.WireHarness.INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.WEBSEARCH;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which Graph version each request goes to, on the wire. A {@code --graph-url} without a version sends each setting
 * to v1.0 where it exists there (pronouns, item insights) and to beta otherwise (name pronunciation, policy
 * settings), reads included, each version's requests batched through its own {@code $batch}; one ending in a
 * version sends everything there, and refuses before sending anything a setting that version lacks.
 */
class GraphVersionsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path desired;

  /** Two settings that exist in v1.0 and two that exist only in beta, all four to be turned on. */
  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.serve("/v1.0");
    for (String path : List.of("/v1.0" + PRONOUNS, "/v1.0" + INSIGHTS, "/beta" + PRONUNCIATION)) {
      wm.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"isEnabledInOrganization\":false}")));
      wm.stubFor(patch(urlEqualTo(path)).willReturn(okJson("{}")));
    }
    wm.stubFor(get(urlEqualTo("/beta" + WEBSEARCH)).willReturn(okJson(
        "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"0\",\"policyId\":null}")));
    wm.stubFor(patch(urlEqualTo("/beta" + WEBSEARCH)).willReturn(okJson("{}")));
    desired = h.yaml("desired.yaml", """
        copilot:
          policySettings:
            microsoft.copilot.allowwebsearch:
              value: "1"
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
          itemInsights:
            isEnabledInOrganization: true
        """);
  }

  @Test
  void aRootWithoutAVersionReadsAndWritesEachSettingInItsOwnVersionOneBatchPerVersion() {
    Run plan = h.graphAt(h.versionlessUrl(), "plan", desired.toString());

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(0);
    assertThat(plan.out())
        .contains("Planned against " + h.versionlessUrl() + ", tenant Contoso")
        .contains("~ people.pronouns will be updated\n      PATCH /v1.0" + PRONOUNS)
        .contains("~ people.itemInsights will be updated\n      PATCH /v1.0" + INSIGHTS)
        .contains("~ people.namePronunciation will be updated\n      PATCH /beta" + PRONUNCIATION)
        .contains("PATCH /beta" + WEBSEARCH);
    assertThat(urlsBatchedTo("/v1.0")).containsExactlyInAnyOrder(PRONOUNS, INSIGHTS);
    assertThat(urlsBatchedTo("/beta")).containsExactlyInAnyOrder(PRONUNCIATION, WEBSEARCH);
    wm.verify(exactly(1), com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
        urlEqualTo("/v1.0" + WireHarness.ORGANIZATION)));

    wm.resetRequests();
    Run apply = h.graphAt(h.versionlessUrl(), "apply", desired.toString(), "--auto-approve", "--no-verify");

    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out())
        .contains("  applied  people.pronouns    PATCH /v1.0" + PRONOUNS)
        .contains("  applied  people.namePronunciation    PATCH /beta" + PRONUNCIATION);
    for (String path : List.of("/v1.0" + PRONOUNS, "/v1.0" + INSIGHTS, "/beta" + PRONUNCIATION)) {
      wm.verify(exactly(1), patchRequestedFor(urlEqualTo(path))
          .withRequestBody(equalToJson("{\"isEnabledInOrganization\":true}")));
    }
    wm.verify(exactly(1), patchRequestedFor(urlEqualTo("/beta" + WEBSEARCH)).withRequestBody(equalToJson(
        "{\"value\":\"1\"}")));
    wm.verify(exactly(0), patchRequestedFor(urlEqualTo("/beta" + PRONOUNS)));
  }

  @Test
  void theJsonAndMarkdownPlansShowEachPathWithItsVersion() {
    JsonNode json = h.graphAt(h.versionlessUrl(), "plan", desired.toString(), "--format", "json").json();
    Run markdown = h.graphAt(h.versionlessUrl(), "plan", desired.toString(), "--format", "markdown");

    assertThat(json.get("changes").valueStream().map(c -> c.get("path").asString()).toList())
        .containsExactly("/beta" + WEBSEARCH, "/v1.0" + PRONOUNS, "/beta" + PRONUNCIATION, "/v1.0" + INSIGHTS);
    assertThat(json.at("/tenant/graphRoot").asString()).isEqualTo(h.versionlessUrl());
    assertThat(markdown.out()).contains("`PATCH /v1.0" + PRONOUNS + "`", "`PATCH /beta" + PRONUNCIATION + "`");
  }

  @Test
  void aRootEndingInBetaSendsEverythingToBeta() {
    wm.stubFor(get(urlEqualTo("/beta" + PRONOUNS)).willReturn(okJson("{\"isEnabledInOrganization\":true}")));
    wm.stubFor(get(urlEqualTo("/beta" + INSIGHTS)).willReturn(okJson("{\"isEnabledInOrganization\":true}")));

    Run plan = h.graphAt(h.versionlessUrl() + "/beta", "plan", desired.toString());

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(0);
    assertThat(plan.out()).contains("PATCH /beta" + PRONUNCIATION).doesNotContain("/v1.0");
    assertThat(urlsBatchedTo("/beta")).containsExactlyInAnyOrder(PRONOUNS, INSIGHTS, PRONUNCIATION, WEBSEARCH);
    assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).allSatisfy(
            r -> assertThat(r.getUrl()).startsWith("/beta/"));
  }

  @Test
  void aRootEndingInV1SendsEverythingThereAndRefusesASettingOnlyBetaHasBeforeSendingAnything() {
    Run refused = h.graphAt(h.versionlessUrl() + "/v1.0", "plan", desired.toString());

    assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err())
        .contains("error: people.namePronunciation (" + desired + ":")
        .contains("people.namePronunciation exists only in Graph beta, and the Graph root ends in /v1.0")
        .contains("error: copilot.policySettings[\"microsoft.copilot.allowwebsearch\"] (")
        .contains("nothing was sent: give --graph-url without a version");
    h.verifyNoRequests();

    Path v1Only = h.yaml("v1.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n"
        + "  itemInsights:\n    isEnabledInOrganization: true\n");
    Run plan = h.graphAt(h.versionlessUrl() + "/v1.0", "plan", v1Only.toString());

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(0);
    assertThat(plan.out()).contains("PATCH /v1.0" + PRONOUNS, "PATCH /v1.0" + INSIGHTS).doesNotContain("/beta");
    assertThat(urlsBatchedTo("/v1.0")).containsExactlyInAnyOrder(PRONOUNS, INSIGHTS);
  }

  @Test
  void anExportThroughARootEndingInV1LeavesOutWhatOnlyBetaHasAndNeverAsksBetaForIt() {
    wm.stubFor(get(urlEqualTo("/v1.0" + WireHarness.LIMITED)).willReturn(okJson(
        "{\"isEnabledForGroup\":false,\"groupId\":null}")));
    wm.stubFor(get(urlEqualTo("/v1.0" + WireHarness.SOURCES)).willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(get(urlEqualTo("/v1.0" + WireHarness.PROPERTY_SETTINGS)).willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(get(urlEqualTo("/v1.0" + WireHarness.CARD)).willReturn(okJson("{\"value\":[]}")));

    Run export = h.graphAt(h.versionlessUrl() + "/v1.0", "export");

    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(export.err()).contains("note: people.namePronunciation left out: people.namePronunciation exists only "
        + "in Graph beta, and the Graph root ends in /v1.0");
    assertThat(export.out()).contains("pronouns:").doesNotContain("namePronunciation:");
    assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))).allSatisfy(
            r -> assertThat(r.getUrl()).startsWith("/v1.0/"));
  }

  @Test
  void aRootEndingInAVersionGraphDoesNotHaveIsRefused() {
    Run r = h.graphAt(h.versionlessUrl() + "/v1", "plan", desired.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("--graph-url ends in /v1, which is not a Graph version");
    h.verifyNoRequests();
  }

  @Test
  void aGroupNameIsLookedUpInV1() {
    wm.stubFor(get(urlEqualTo("/v1.0/groups?$filter=displayName%20eq%20%27Copilot%20Pilot%27&$select=id,displayName"))
        .willReturn(okJson("{\"value\":[{\"id\":\"" + WireHarness.GROUP_A + "\",\"displayName\":\"Copilot Pilot\"}]}")));
    wm.stubFor(get(urlEqualTo("/v1.0" + INSIGHTS)).willReturn(okJson(
        "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}")));
    Path groups = h.yaml("groups.yaml", "people:\n  itemInsights:\n    disabledForGroup: {group: Copilot Pilot}\n");

    Run plan = h.graphAt(h.versionlessUrl(), "plan", groups.toString());

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(0);
    assertThat(plan.out()).contains("disabledForGroup: null -> \"Copilot Pilot\" (" + WireHarness.GROUP_A + ")");
  }

  @Test
  void aPlanSavedWithOneRootIsAppliedWithThatRootOnlyAndItsPathsWhereThatRootSendsThem() throws IOException {
    Path saved = dir.resolve("plan.json");
    Run made = h.graphAt(h.versionlessUrl(), "plan", desired.toString(), "--out", saved.toString());
    assertThat(made.exit()).as(made.toString()).isZero();
    ObjectNode plan = (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
    assertThat(plan.at("/tenant/graphRoot").asString()).as("the root as given, without a version")
        .isEqualTo(h.versionlessUrl());

    assertRefusedAndNothingWritten(h, applySavedAt(h, h.versionlessUrl() + "/beta", saved, plan, "--auto-approve"),
        "the plan was made against " + h.versionlessUrl() + ", this run talks to " + h.versionlessUrl() + "/beta",
        "the two send settings to different Graph versions");
    change(plan, "people.pronouns").put("path", "/beta" + PRONOUNS);
    assertRefusedAndNothingWritten(h, applySavedAt(h, h.versionlessUrl(), saved, reseal(plan), "--auto-approve"),
        "people.pronouns: the path /beta" + PRONOUNS + " does not belong to this address",
        "goes to /v1.0" + PRONOUNS);

    change(plan, "people.pronouns").put("path", "/v1.0" + PRONOUNS); // as saved: its digest holds again
    Run applied = applySavedAt(h, h.versionlessUrl(), saved, plan, "--auto-approve", "--no-verify");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    wm.verify(exactly(1), patchRequestedFor(urlEqualTo("/v1.0" + PRONOUNS)));
    wm.verify(exactly(1), patchRequestedFor(urlEqualTo("/beta" + PRONUNCIATION)));
  }

  /** The URLs inside the one {@code $batch} sent to {@code version}, as Graph reads them: relative to it. */
  private static List<String> urlsBatchedTo(String version) {
    List<LoggedRequest> batches = wm.findAll(postRequestedFor(urlEqualTo(version + "/$batch")));
    assertThat(batches).as("batches sent to " + version).hasSize(1);
    return WireHarness.JSON.readTree(batches.get(0).getBodyAsString()).get("requests").valueStream()
        .map(r -> r.get("url").asString()).toList();
  }
}
