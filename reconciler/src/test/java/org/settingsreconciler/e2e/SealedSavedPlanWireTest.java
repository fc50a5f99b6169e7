package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.SavedPlanEdits.applySaved;
import static org.settingsreconciler.e2e.SavedPlanEdits.assertRefusedAndNothingWritten;
import static org.settingsreconciler.e2e.SavedPlanEdits.change;
import static org.settingsreconciler.e2e.SavedPlanEdits.reseal;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved plan is a sealed record: applied only as reviewed, only to the tenant and Graph root it was made for.
 * Each case is a way a plan file was found to be trusted beyond what it says; every one must end with exit 1, a
 * message naming what is wrong, and no write at all. Edits are made both plainly (the digest then catches them) and
 * "resealed" with a digest recomputed apart from the tool (SavedPlanEdits), as a determined editor would, so the
 * checks behind the digest are tried too.
 */
class SealedSavedPlanWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path saved;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(ENHANCED, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.list(INTERESTS, "{\"id\":\"int-9\",\"displayName\":\"Knitting\"}");
    saved = dir.resolve("plan.json");
  }

  /** A reviewed plan: turn pronouns on (not destructive), and update an interest's categories. */
  private ObjectNode planAndSave() throws IOException {
    Path desired = h.yaml("desired.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
        users:
          %s:
            interests:
              Knitting:
                categories: [Crafts]
        """.formatted(ADELE));
    Run r = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).as("the plan names the tenant it was made for")
        .contains("tenant Contoso (" + WireHarness.TENANT_ID + ")");
    return (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
  }

  @Test
  void aPlanOfPronounsEditedToTurnOffEnhancedPersonalizationIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = change(plan, "people.pronouns");
    c.put("path", ROOT + ENHANCED);
    c.putObject("body").put("isEnabledInOrganization", false);
    c.putObject("before").put("isEnabledInOrganization", false);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, plan), "the plan file was changed after it was saved");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan)),
        "people.pronouns: the path " + ROOT + ENHANCED + " does not belong to this address",
        "goes to " + ROOT + PRONOUNS);
  }

  @Test
  void aPathEditedToAnotherGraphVersionIsRefused() throws IOException {
    // The plan was made with a root ending in /beta, so pronouns goes to /beta; v1.0 has pronouns too, and is not
    // where this plan (or this run) sends it.
    ObjectNode plan = planAndSave();
    change(plan, "people.pronouns").put("path", "/v1.0" + PRONOUNS);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan)),
        "people.pronouns: the path /v1.0" + PRONOUNS + " does not belong to this address",
        "goes to " + ROOT + PRONOUNS);
  }

  @Test
  void anEncodedDotSegmentInAnItemPathIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = change(plan, "users[\"" + ADELE + "\"].interests[\"Knitting\"]");
    c.put("path", ROOT + INTERESTS + "/%2e%2e");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan)), "does not belong to this address");
  }

  @Test
  void aBodySettingAPropertyTheResourceDoesNotHaveIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = change(plan, "people.pronouns");
    ((ObjectNode) c.get("body")).put("isEnabledInOrganizationAndMore", true);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan)),
        "the body sets \"isEnabledInOrganizationAndMore\", which is not a property");
  }

  @Test
  void anUpdateWhoseBeforeLeavesOutWhatItSetsIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ((ObjectNode) change(plan, "people.pronouns").get("before")).removeAll();

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan)), "\"before\" lacks \"isEnabledInOrganization\"");
  }

  @Test
  void aDestructiveChangeHiddenBehindAFalseBeforeIsCaughtByTheTenantsRealValue() throws IOException {
    Path desired = h.yaml("desired.yaml", "copilot:\n  enhancedPersonalization:\n    disabledForGroup: null\n"
        + "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Run p = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    ObjectNode plan = (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
    // Claim enhanced personalization was already off, so turning it off looks like no change to the rails.
    ObjectNode c = change(plan, "people.pronouns").deepCopy();
    c.put("address", "copilot.enhancedPersonalization");
    c.put("path", ROOT + ENHANCED);
    c.putObject("body").put("isEnabledInOrganization", false);
    c.putObject("before").put("isEnabledInOrganization", false);
    ((ArrayNode) plan.get("changes")).add(c);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--auto-approve"),
        "copilot.enhancedPersonalization.isEnabledInOrganization: was false when planned, is true now");
  }

  @Test
  void aPlanForOneTenantIsRefusedInAnother() throws IOException {
    ObjectNode plan = planAndSave();
    h.organization("9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a", "Fabrikam");

    Run r = applySaved(h, saved, plan);

    assertRefusedAndNothingWritten(h, r,
        "the plan is for Contoso (" + WireHarness.TENANT_ID + "), but this run signed in to Fabrikam "
            + "(9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a)");
  }

  @Test
  void aPlanIsRefusedWhereTheTenantCannotBeToldApart() throws IOException {
    ObjectNode plan = planAndSave();
    h.getAnswers(WireHarness.ORGANIZATION,
        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
            .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges\"}}"));

    assertRefusedAndNothingWritten(h, applySaved(h, saved, plan), "this run cannot tell which tenant it signed in to");
  }

  @Test
  void aPlanMadeThroughOneGraphRootIsRefusedThroughAnother() throws IOException {
    ObjectNode plan = planAndSave();
    String otherRoot = h.graphUrl().replace("localhost", "127.0.0.1");
    Files.writeString(saved, WireHarness.JSON.writeValueAsString(plan));

    Run r = h.run("apply", "--plan", saved.toString(), "--graph-url", otherRoot);

    assertRefusedAndNothingWritten(h, r, "the plan was made against " + h.graphUrl() + ", this run talks to " + otherRoot);
  }

  @Test
  void aPlanOfTheOldFormatThatNamesNoTenantIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    plan.removeAll();
    plan.put("formatVersion", 1);
    plan.putArray("changes");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, plan), "format 1, which names no tenant: plan again");
  }

  @Test
  void theUneditedPlanAppliesWithoutAskingAndNamesTheTenantFirst() throws IOException {
    ObjectNode plan = planAndSave();
    h.patchOk(PRONOUNS);
    h.patchOk(INTERESTS + "/int-9");

    Run r = applySaved(h, saved, plan, "--no-verify");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Applying the saved plan " + saved + " (2 changes, planned ")
        .contains("tenant Contoso (" + WireHarness.TENANT_ID + ")");
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
  }
}
