package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ENTRA_URL;
import static org.settingsreconciler.e2e.WireHarness.HR_URL;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * A profile property setting's name, as Graph's docs have it now: {@code displayName} is the setting's name, and
 * {@code name} is kept "for backward compatibility". The YAML key is read from displayName, or from name where a
 * tenant fills only that; a create writes the key into both, as the docs' create example does; where the two differ,
 * displayName is the key.
 */
class ProfilePropertySettingNamesWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  @Test
  void aNewSettingIsCreatedWithItsKeyAsDisplayNameAndName() {
    h.list(PROPERTY_SETTINGS);
    h.postCreated(PROPERTY_SETTINGS);

    Run r = h.autoApply("""
        people:
          profilePropertySettings:
            Skills:
              prioritizedSourceUrls: ["%s"]
        """.formatted(HR_URL));

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    h.verifyPost(PROPERTY_SETTINGS, """
        {"displayName":"Skills","name":"Skills","prioritizedSourceUrls":["%s"]}""".formatted(HR_URL));
  }

  /**
   * v1.0's create page marks prioritizedSourceUrls "Required": a setting the YAML gives no list is created with the
   * Entra ID source alone, the list it would hold anyway (Graph appends that source to every list).
   */
  @Test
  void aNewSettingWithoutAListIsCreatedWithTheEntraIdSourceAlone() {
    h.list(PROPERTY_SETTINGS);
    h.postCreated(PROPERTY_SETTINGS);

    Run r = h.autoApply("""
        people:
          profilePropertySettings:
            Skills: {}
        """);

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    h.verifyPost(PROPERTY_SETTINGS, """
        {"displayName":"Skills","name":"Skills","prioritizedSourceUrls":["%s"]}""".formatted(ENTRA_URL));
  }

  /**
   * A new spelling of a setting's key renames it: name too, where it spelled the old key (a create writes both
   * alike), and with the tenant's own list, which v1.0's update page marks "Required".
   */
  @Test
  void aRenameInLetterCaseWritesDisplayNameAndNameWithTheList() {
    h.list(PROPERTY_SETTINGS, """
        {"id":"pps-1","name":"skills","displayName":"skills","prioritizedSourceUrls":["%s","%s"]}"""
        .formatted(HR_URL, ENTRA_URL));
    h.patchOk(PROPERTY_SETTINGS + "/pps-1");

    Run r = h.autoApply("""
        people:
          profilePropertySettings:
            Skills: {}
        """);

    h.verifyPatch(PROPERTY_SETTINGS + "/pps-1", """
        {"displayName":"Skills","name":"Skills","prioritizedSourceUrls":["%s","%s"]}""".formatted(HR_URL, ENTRA_URL));
    assertThat(r.out()).contains("~ displayName: \"skills\" -> \"Skills\"");
  }

  /** A name that differs from displayName is the tenant's: a rename leaves it as it is. */
  @Test
  void aRenameLeavesANameThatDiffersAlone() {
    h.list(PROPERTY_SETTINGS, """
        {"id":"pps-1","name":"skillsLegacy","displayName":"skills","prioritizedSourceUrls":["%s"]}"""
        .formatted(ENTRA_URL));
    h.patchOk(PROPERTY_SETTINGS + "/pps-1");

    h.autoApply("""
        people:
          profilePropertySettings:
            Skills: {}
        """);

    h.verifyPatch(PROPERTY_SETTINGS + "/pps-1", """
        {"displayName":"Skills","prioritizedSourceUrls":["%s"]}""".formatted(ENTRA_URL));
  }

  @Test
  void aSettingThatHasOnlyTheOlderNameIsMatchedByIt() {
    h.list(PROPERTY_SETTINGS, """
        {"id":"pps-1","name":"skills","displayName":null,"prioritizedSourceUrls":["%s"]}""".formatted(ENTRA_URL));

    Run r = plan("""
        people:
          profilePropertySettings:
            skills:
              prioritizedSourceUrls: ["%s"]
        prune: [people.profilePropertySettings]
        """.formatted(ENTRA_URL));

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("No changes. The tenant matches the desired state (1 checked).");
  }

  /** Where displayName and name disagree, displayName is the key (export writes it too: ExportWireTest). */
  @Test
  void whereTheTwoDifferDisplayNameIsTheKeyAndNameIsLeftAlone() {
    h.list(PROPERTY_SETTINGS, """
        {"id":"pps-1","name":"skillsLegacy","displayName":"Skills","prioritizedSourceUrls":["%s"]}"""
        .formatted(ENTRA_URL));

    Run inSync = plan("""
        people:
          profilePropertySettings:
            Skills:
              prioritizedSourceUrls: ["%s"]
        """.formatted(ENTRA_URL));
    Run byOldName = plan("""
        people:
          profilePropertySettings:
            skillsLegacy:
              prioritizedSourceUrls: ["%s"]
        """.formatted(ENTRA_URL));

    assertThat(inSync.exit()).as(inSync.out() + inSync.err()).isZero();
    assertThat(byOldName.exit()).isEqualTo(2);
    assertThat(byOldName.out()).contains("people.profilePropertySettings[\"skillsLegacy\"] will be created");
    h.verifyOnlyReads();
  }

  /**
   * YAML from when settings were keyed by name, with displayName a property of its own, still loads where the two
   * agree; where they differ it would now mean another setting, so it is an error that says what to write.
   */
  @Test
  void aDisplayNameInsideTheItemMustBeItsKey() {
    String agreeing = h.yaml("agreeing.yaml", """
        people:
          profilePropertySettings:
            Skills:
              displayName: Skills
              prioritizedSourceUrls: []
            sourcePrecedence:
              displayName: null
              prioritizedSourceUrls: []
        """).toString();
    String differing = h.yaml("differing.yaml", """
        people:
          profilePropertySettings:
            skills:
              displayName: Skills
              prioritizedSourceUrls: []
        """).toString();

    Run ok = h.run("validate", agreeing);
    Run refused = h.run("validate", differing);

    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("error: " + differing + ":4:20: people.profilePropertySettings[\"skills\"]."
        + "displayName: the YAML key 'skills' is this item's displayName, so it cannot be set to \"Skills\" here; to "
        + "name the item \"Skills\", make that its key and remove displayName");
  }

  private Run plan(String yaml) {
    return h.graph("plan", h.yaml("desired.yaml", yaml).toString(), "--detailed-exitcode");
  }
}
