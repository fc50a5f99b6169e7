package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.GROUP_B;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.LIMITED;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/** plan --out saves exactly what apply --plan later sends, and apply --plan refuses a tenant that moved on. */
class SavedPlanWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path desired;
  private Path saved;

  /** Four changes: two singleton PATCHes, an interest POST and a pruned interest DELETE. */
  @BeforeEach
  void tenantAndDesiredState() {
    h = new WireHarness(wm, dir);
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(LIMITED, "{\"isEnabledForGroup\":false,\"groupId\":null}");
    h.list(INTERESTS, "{\"id\":\"int-9\",\"displayName\":\"Knitting\"}");
    desired = h.yaml("desired.yaml", """
        copilot:
          limitedMode:
            isEnabledForGroup: true
            groupId: %s
        people:
          pronouns:
            isEnabledInOrganization: true
        users:
          %s:
            interests:
              Hiking:
                categories: [Outdoors]
        prune: [users.interests]
        """.formatted(GROUP_B, ADELE));
    saved = dir.resolve("plans/plan.json");
  }

  private JsonNode planAndSave() throws IOException {
    Run r = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("Saved the plan to " + saved);
    h.verifyOnlyReads();
    String text = Files.readString(saved);
    assertThat(text).doesNotContain(WireHarness.TOKEN);
    return WireHarness.JSON.readTree(text);
  }

  private void stubWrites() {
    h.patchOk(PRONOUNS);
    h.patchOk(LIMITED);
    h.postCreated(INTERESTS);
    h.deleteOk(INTERESTS + "/int-9");
  }

  private void verifySavedBodiesWereSent(JsonNode plan) {
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    h.verifyPatch(LIMITED, "{\"isEnabledForGroup\":true,\"groupId\":\"" + GROUP_B + "\"}");
    h.verifyPost(INTERESTS, "{\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}");
    h.verifyDelete(INTERESTS + "/int-9");
    assertThat(plan.get("changes").size()).isEqualTo(4);
    for (JsonNode c : plan.get("changes")) {
      if (!c.get("body").isNull()) {
        assertThat(h.requests()).anySatisfy(q -> {
          assertThat(q.getMethod().getName()).isEqualTo(c.get("method").asString());
          assertThat(q.getUrl()).isEqualTo(c.get("path").asString());
          assertThat(WireHarness.JSON.readTree(q.getBodyAsString())).isEqualTo(c.get("body"));
        });
      }
    }
    assertThat(h.requests().stream().filter(q -> !q.getMethod().getName().equals("GET"))).hasSize(4);
  }

  @Test
  void applyingTheSavedPlanSendsItsBodiesEvenAfterTheYamlChanged() throws IOException {
    JsonNode plan = planAndSave();
    h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: false\n");
    stubWrites();

    Run r = h.graph("apply", "--plan", saved.toString(), "--allow-destructive", "--no-verify");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Applying the saved plan " + saved + " (4 changes, planned ")
        .contains(" to " + h.graphUrl() + ", tenant Contoso (" + WireHarness.TENANT_ID + ")")
        .contains("Apply complete: 4 applied, 0 failed.");
    verifySavedBodiesWereSent(plan);
  }

  @Test
  void applyingTheSavedPlanNeedsNoYamlAtAll() throws IOException {
    JsonNode plan = planAndSave();
    Files.delete(desired);
    stubWrites();

    Run r = h.graph("apply", "--plan", saved.toString(), "--allow-destructive", "--no-verify");

    assertThat(r.exit()).as(r.err()).isZero();
    verifySavedBodiesWereSent(plan);
  }

  @Test
  void tenantChangedSincePlanningRefusesAndWritesNothing() throws IOException {
    planAndSave();
    // Someone else turned pronouns on in the meantime.
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");

    Run r = h.graph("apply", "--plan", saved.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("The saved plan no longer matches the tenant (" + h.graphUrl() + ", tenant Contoso ("
            + WireHarness.TENANT_ID + ")")
        .contains("); nothing was applied:")
        .contains("people.pronouns.isEnabledInOrganization: was false when planned, is true now")
        .contains("Plan again");
    h.verifyOnlyReads();
  }

  @Test
  void collectionItemsChangedSincePlanningRefuseAndWriteNothing() throws IOException {
    planAndSave();
    // Hiking was created and Knitting deleted by someone else.
    h.list(INTERESTS, "{\"id\":\"int-10\",\"displayName\":\"hiking\",\"categories\":[\"Outdoors\"]}");

    Run r = h.graph("apply", "--plan", saved.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("users[\"" + ADELE + "\"].interests[\"Hiking\"]: planned as a create, but it exists now")
        .contains("users[\"" + ADELE + "\"].interests[\"Knitting\"]: no longer exists");
    h.verifyOnlyReads();
  }

  @Test
  void tenantInterestWithoutDisplayNameDoesNotBreakApplyingASavedPlan() {
    h.list(INTERESTS, "{\"id\":\"int-0\",\"displayName\":null,\"categories\":[\"Misc\"]}");
    h.postCreated(INTERESTS);
    String noPrune = h.yaml("interests.yaml",
        "users:\n  " + ADELE + ":\n    interests:\n      Hiking:\n        categories: [Outdoors]\n").toString();
    assertThat(h.graph("plan", noPrune, "--out", saved.toString()).exit()).isZero();

    Run r = h.graph("apply", "--plan", saved.toString(), "--no-verify");

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPost(INTERESTS, "{\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}");
  }

  @Test
  void savedPlanIsReadableByItsOwnerOnly() throws IOException {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Files.createDirectories(saved.getParent());
    Files.writeString(saved, "old");
    Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-r--r--"));

    planAndSave();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
  }

  @Test
  void givingBothYamlAndASavedPlanIsRefused() throws IOException {
    planAndSave();

    Run r = h.graph("apply", desired.toString(), "--plan", saved.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("give either desired-state PATHs or --plan FILE, not both");
    h.verifyOnlyReads();
  }
}
