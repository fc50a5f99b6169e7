package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.SavedPlanEdits.applySaved;
import static org.settingsreconciler.e2e.SavedPlanEdits.assertRefusedAndNothingWritten;
import static org.settingsreconciler.e2e.SavedPlanEdits.change;
import static org.settingsreconciler.e2e.SavedPlanEdits.applySavedFile;
import static org.settingsreconciler.e2e.SavedPlanEdits.reseal;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.client.WireMock;
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
 * More ways a resealed plan (digest recomputed, as a determined editor would) could send what nobody reviewed, each
 * of which the plan's own checks must refuse before anything is written; and a plan that is what it says (pruning
 * an extra copy of a duplicate) that must apply. Variables, which cannot change a saved plan, are refused with it.
 */
class ResealedSavedPlanWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  private static final String KNITTING = "users[\"" + ADELE + "\"].interests[\"Knitting\"]";
  private static final String CHESS = "users[\"" + ADELE + "\"].interests[\"Chess\"]";

  @TempDir Path dir;

  private WireHarness h;
  private Path saved;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(ENHANCED, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.list(INTERESTS, "{\"id\":\"int-9\",\"displayName\":\"Knitting\"}",
        "{\"id\":\"int-7\",\"displayName\":\"Hiking\"}");
    saved = dir.resolve("plan.json");
  }

  /** A reviewed plan: turn pronouns on, update Knitting's categories, create Chess. */
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
              Chess:
                categories: [Games]
        """.formatted(ADELE));
    Run r = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
  }

  @Test
  void anUpdateThatRenamesAnInterestIntoAnotherIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = change(plan, KNITTING);
    // Knitting's PATCH renames it to Hiking: the tenant would then hold Hiking twice.
    ((ObjectNode) c.get("body")).put("displayName", "Hiking");
    ((ObjectNode) c.get("before")).put("displayName", "Knitting");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        KNITTING + ": the body sets \"displayName\" to \"Hiking\", not the key its address names");
  }

  @Test
  void aCreateWhoseBodyNamesAnotherItemThanItsAddressIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ((ObjectNode) change(plan, CHESS).get("body")).put("displayName", "Knitting");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        CHESS + ": the body sets \"displayName\" to \"Knitting\", not the key its address names");
  }

  @Test
  void anInterestCreatedTwiceIsRefusedEvenInAnotherLetterCase() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode again = change(plan, CHESS).deepCopy();
    again.put("address", "users[\"" + ADELE + "\"].interests[\"chess\"]");
    ((ObjectNode) again.get("body")).put("displayName", "chess");
    ((ArrayNode) plan.get("changes")).add(again);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"), "the plan creates this item twice");
  }

  @Test
  void aPatchSentTwiceToOnePathIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ((ArrayNode) plan.get("changes")).add(change(plan, "people.pronouns").deepCopy());

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        "people.pronouns: the plan sends PATCH " + ROOT + PRONOUNS + " twice");
  }

  @Test
  void aDeleteOfASingletonIsRefusedEvenWithConsentToDeletes() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = ((ArrayNode) plan.get("changes")).addObject();
    c.put("address", "people.pronouns").put("action", "delete").put("method", "DELETE").put("path", ROOT + PRONOUNS);
    c.putNull("body");
    c.putObject("before").put("isEnabledInOrganization", false);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--allow-destructive", "--no-verify"),
        "people.pronouns: Pronouns is one setting, with no items to delete");
  }

  @Test
  void aDeleteOfTheSourcePrecedenceThatPruningOnlyResetsIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = ((ArrayNode) plan.get("changes")).addObject();
    c.put("address", "people.profilePropertySettings[\"sourcePrecedence\"]").put("action", "delete")
        .put("method", "DELETE").put("path", ROOT + PROPERTY_SETTINGS + "/pps-0");
    c.putNull("body");
    c.putObject("before").putNull("name");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--allow-destructive", "--no-verify"),
        "this item is never deleted, only reset");
  }

  @Test
  void aDependencyOnAChangeNotBeforeItIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    // Pronouns made to wait for Chess, which the plan lists after it: apply would send them in another order than
    // the one reviewed.
    change(plan, "people.pronouns").putArray("dependsOn").add(CHESS);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        "people.pronouns: it depends on " + CHESS + ", which no change before it in the plan is");
  }

  @Test
  void aDependencyThatIsNoAddressIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    change(plan, CHESS).putArray("dependsOn").add("people.pronouns[");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        CHESS + ": \"dependsOn\" names \"people.pronouns[\", which is no address");
  }

  @Test
  void aDeleteOfTheEntraIdProfileSourceIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    String entra = "people.profileSources[\"4ce763dd-9214-4eff-af7c-da491cc3782d\"]";
    ObjectNode c = ((ArrayNode) plan.get("changes")).addObject();
    c.put("address", entra).put("action", "delete").put("method", "DELETE")
        .put("path", ROOT + WireHarness.SOURCES + "(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')");
    c.putNull("body");
    c.putObject("before").put("sourceId", "4ce763dd-9214-4eff-af7c-da491cc3782d");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--allow-destructive", "--no-verify"),
        entra + ": this item is never deleted; the plan file was edited");
  }

  @Test
  void aProfileSourceChangeSentToAnotherPathThanItsAlternateKeyIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = ((ArrayNode) plan.get("changes")).addObject();
    c.put("address", "people.profileSources[\"hr1\"]").put("action", "update").put("method", "PATCH")
        .put("path", ROOT + WireHarness.SOURCES + "/hr1");
    c.putObject("body").put("displayName", "HR");
    c.putObject("before").put("displayName", "Old HR");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        "people.profileSources[\"hr1\"]: the path " + ROOT + WireHarness.SOURCES + "/hr1 does not belong to this "
            + "address (a update of it goes to " + ROOT + WireHarness.SOURCES + "(sourceId='hr1'))");
  }

  @Test
  void aPolicySettingOfAnIdTheYamlCannotNameIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = ((ArrayNode) plan.get("changes")).addObject();
    String id = "microsoft.copilot.allowwebsearch%2F..%2F..%2Fsettings%2FlimitedMode";
    c.put("address", "copilot.policySettings[\"microsoft.copilot.allowwebsearch/../../settings/limitedMode\"]")
        .put("action", "update").put("method", "PATCH").put("path", ROOT + WireHarness.POLICY + id);
    c.putObject("body").put("value", "1");
    c.putObject("before").put("value", "0");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        "is not one of the ids Copilot policy setting has");
  }

  @Test
  void aValueOfAnotherJsonTypeThanThePropertysIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    // "false" as a string is no boolean false to the rails; what Graph would make of it is not for apply to find out.
    ObjectNode c = change(plan, "people.pronouns").deepCopy();
    c.put("address", "copilot.enhancedPersonalization").put("path", ROOT + ENHANCED);
    c.putObject("body").put("isEnabledInOrganization", "false");
    c.putObject("before").put("isEnabledInOrganization", true);
    ((ArrayNode) plan.get("changes")).add(c);

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        "copilot.enhancedPersonalization: the body sets \"isEnabledInOrganization\" to \"false\", which is not a "
            + "boolean");
  }

  @Test
  void aKeyGivenTwiceInThePlanFileIsRefused() throws IOException {
    planAndSave();
    // The digest is over what a last-wins reader sees, so it still matches; a first-wins viewer shows another plan.
    String text = Files.readString(saved);
    Files.writeString(saved, text.replaceFirst("\"kind\"", "\"tool\" : \"reviewed elsewhere\",\n  \"kind\""));

    assertRefusedAndNothingWritten(h, applySavedFile(h, saved, "--no-verify"), "an object key given twice");
  }

  @Test
  void aFormatVersionWrittenAsAStringIsNamedAsSuch() throws IOException {
    ObjectNode plan = planAndSave();
    plan.put("formatVersion", "2");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan)), "formatVersion is \"2\", not a whole number");
  }

  @Test
  void aPlanOfFormatTwoWhosePathsWereRelativeToBetaIsRefusedWithAWordToPlanAgain() throws IOException {
    ObjectNode plan = planAndSave();
    assertThat(plan.get("formatVersion").asInt()).isEqualTo(3);
    plan.put("formatVersion", 2);
    change(plan, "people.pronouns").put("path", PRONOUNS); // as format 2 held it: relative to /beta

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan)),
        "saved plan format 2 is not the one this version reads (3): plan again with this version");
  }

  @Test
  void aPlanMadeWhereTheTenantCouldNotBeToldIsRefusedInATenantThatCanBe() throws IOException {
    h.getAnswers(WireHarness.ORGANIZATION, WireMock.aResponse().withStatus(403)
        .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges\"}}"));
    ObjectNode plan = planAndSave();
    assertThat(plan.get("tenant").get("id").isNull()).as("the plan names no tenant").isTrue();
    h.organization("9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a", "Fabrikam");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, plan, "--no-verify"),
        "the plan was made where the tenant could not be told",
        "Fabrikam (9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a), which this run signed in to");
  }

  @Test
  void aSecretValueThatNoChangeHoldsCannotMaskTheTenantsNameAndId() throws IOException {
    ObjectNode plan = planAndSave();
    ((ArrayNode) plan.get("secretValues")).add(WireHarness.TENANT_ID).add("Contoso");

    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(plan), "--no-verify"),
        "\"secretValues\" holds a value that no change holds");
  }

  @Test
  void variablesGivenWithASavedPlanAreRefusedNotIgnored() throws IOException {
    planAndSave();
    int sentByPlan = h.requests().size();

    Run r = applySavedFile(h, saved, "--var", "PILOT=Other group", "--no-verify");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("--var and --var-file cannot change a saved plan");
    assertThat(h.requests()).as("nothing sent, not even a read").hasSize(sentByPlan);
  }

  @Test
  void aSavedPlanThatPrunesTheExtraCopyOfADuplicateApplies() throws IOException {
    h.list(INTERESTS, "{\"id\":\"int-9\",\"displayName\":\"Knitting\",\"categories\":[\"Crafts\"]}",
        "{\"id\":\"int-2\",\"displayName\":\"knitting\",\"categories\":[\"Crafts\"]}");
    Path desired = h.yaml("desired.yaml", """
        users:
          %s:
            interests:
              Knitting:
                categories: [Crafts]
        prune: [users.interests]
        """.formatted(ADELE));
    Run p = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(p.out()).contains("DELETE " + ROOT + INTERESTS + "/int-2");
    h.deleteOk(INTERESTS + "/int-2");

    Run r = applySavedFile(h, saved, "--allow-destructive", "--no-verify");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).doesNotContain("was replaced by another item");
    h.verifyDelete(INTERESTS + "/int-2");
  }
}
