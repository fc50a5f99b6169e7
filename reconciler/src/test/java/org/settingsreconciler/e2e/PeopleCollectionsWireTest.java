package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.CARD;
import static org.settingsreconciler.e2e.WireHarness.ENTRA_URL;
import static org.settingsreconciler.e2e.WireHarness.HR_URL;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/** Profile card properties and profile property settings: created, patched, pruned; the nameless entry never deleted. */
class PeopleCollectionsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  @Test
  void missingProfileCardPropertyIsPostedWithItsKeyAndAnnotations() {
    h.list(CARD, "{\"directoryPropertyName\":\"Alias\",\"annotations\":[]}");
    h.postCreated(CARD);

    Run r = h.autoApply("""
        people:
          profileCardProperties:
            Alias:
              annotations: []
            CustomAttribute1:
              annotations:
                - displayName: Cost Center
                  localizations:
                    - languageTag: de-DE
                      displayName: Kostenstelle
        """);

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPost(CARD, """
        {"directoryPropertyName":"CustomAttribute1",
         "annotations":[{"displayName":"Cost Center",
                         "localizations":[{"languageTag":"de-DE","displayName":"Kostenstelle"}]}]}""");
    h.verifyNoPatch(CARD + "/Alias");
  }

  /**
   * isVisible (Edm.Boolean in Microsoft's metadata) is managed: a card property the tenant hides is drift, and a YAML
   * that hides one plans and applies exactly that PATCH, with nothing else in its body.
   */
  @Test
  void hidingACardPropertyIsExactlyOnePatchOfIsVisible() {
    h.list(CARD, "{\"directoryPropertyName\":\"Alias\",\"isVisible\":true,\"annotations\":[]}");
    h.patchOk(CARD + "/Alias");
    String yaml = """
        people:
          profileCardProperties:
            Alias:
              isVisible: false
        """;

    Run plan = h.graph("plan", h.yaml("desired.yaml", yaml).toString(), "--format", "json");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.json().get("changes")).hasSize(1);
    assertThat(plan.json().at("/changes/0/body")).isEqualTo(WireHarness.JSON.readTree("{\"isVisible\":false}"));

    Run r = h.autoApply(yaml);

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(CARD + "/Alias", "{\"isVisible\":false}");
  }

  @Test
  void cardKeysMatchIgnoringCaseAndTheItemIsPatchedAtTheTenantsSpelling() {
    h.list(CARD, "{\"directoryPropertyName\":\"customattribute1\",\"annotations\":[{\"displayName\":\"Old\"}]}");
    h.patchOk(CARD + "/customattribute1");

    Run r = h.autoApply("""
        people:
          profileCardProperties:
            CustomAttribute1:
              annotations:
                - displayName: Cost Center
        """);

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(CARD + "/customattribute1", "{\"annotations\":[{\"displayName\":\"Cost Center\"}]}");
    assertThat(h.requests()).noneMatch(q -> q.getMethod().getName().equals("POST"));
  }

  /** A tenant that spells a card property otherwise than the YAML: the same item, so nothing to create or delete. */
  @Test
  void aCardPropertyThatDiffersOnlyInLetterCaseIsNoChange() {
    h.list(CARD, "{\"directoryPropertyName\":\"customAttribute1\",\"isVisible\":true,"
        + "\"annotations\":[{\"displayName\":\"Cost Center\"}]}");

    Run r = h.graph("plan", h.yaml("desired.yaml", """
        people:
          profileCardProperties:
            CUSTOMATTRIBUTE1:
              isVisible: true
              annotations:
                - displayName: Cost Center
        prune: [people.profileCardProperties]
        """).toString(), "--detailed-exitcode");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("No changes. The tenant matches the desired state (1 checked).");
    h.verifyOnlyReads();
  }

  @Test
  void prunedProfileCardPropertyIsDeletedAtItsDirectoryPropertyName() {
    h.list(CARD, "{\"directoryPropertyName\":\"Alias\",\"annotations\":[]}",
        "{\"directoryPropertyName\":\"CustomAttribute7\",\"annotations\":[{\"displayName\":\"Desk\"}]}");
    h.deleteOk(CARD + "/CustomAttribute7");

    Run r = h.autoApplyAllowingDestructive("people:\n  profileCardProperties:\n    Alias: {}\nprune: [people.profileCardProperties]\n");

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyDelete(CARD + "/CustomAttribute7");
    assertThat(r.out()).contains("- annotations: [{\"displayName\":\"Desk\"}]");
  }

  @Test
  void pruneResetsTheNamelessSourcePrecedenceInsteadOfDeletingIt() {
    h.list(PROPERTY_SETTINGS,
        "{\"id\":\"pps-0\",\"name\":null,\"displayName\":null,\"prioritizedSourceUrls\":[\"" + HR_URL + "\",\""
            + ENTRA_URL + "\"]}",
        "{\"id\":\"pps-1\",\"name\":\"skills\",\"displayName\":\"Skills\",\"prioritizedSourceUrls\":[\""
            + HR_URL + "\"]}");
    h.patchOk(PROPERTY_SETTINGS + "/pps-0");
    h.patchOk(PROPERTY_SETTINGS + "/pps-1");
    h.deleteOk(PROPERTY_SETTINGS + "/pps-1");

    Run r = h.autoApplyAllowingDestructive("""
        people:
          profilePropertySettings: {}
        prune: [people.profilePropertySettings]
        """);

    assertThat(r.exit()).as(r.err()).isZero();
    String entraOnly = """
        {"prioritizedSourceUrls":["https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')"]}""";
    h.verifyPatch(PROPERTY_SETTINGS + "/pps-0", entraOnly);
    // Graph deletes a setting only when its list is the Entra ID source alone: reset first, then delete.
    h.verifyPatch(PROPERTY_SETTINGS + "/pps-1", entraOnly);
    h.verifyDelete(PROPERTY_SETTINGS + "/pps-1");
    List<String> writesToSkills = h.requests().stream()
        .filter(q -> q.getUrl().endsWith("/pps-1") && !q.getMethod().getName().equals("GET"))
        .map(q -> q.getMethod().getName())
        .toList();
    assertThat(writesToSkills).containsExactly("PATCH", "DELETE");
    assertThat(h.requests())
        .noneMatch(q -> q.getMethod().getName().equals("DELETE") && q.getUrl().endsWith("/pps-0"));
    assertThat(r.out()).contains("pruning resets it, as it must never be deleted");
  }

  @Test
  void pruneWithoutConsentToDestructiveChangesSendsNothing() {
    h.list(CARD, "{\"directoryPropertyName\":\"CustomAttribute7\",\"annotations\":[]}");

    Run r = h.autoApply("people:\n  profileCardProperties: {}\nprune: [people.profileCardProperties]\n");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("people.profileCardProperties[\"CustomAttribute7\"] is destructive")
        .contains("--allow-destructive").contains("nothing was applied");
    assertThat(h.requests()).allMatch(q -> q.getMethod().getName().equals("GET"));
  }

  @Test
  void pruneLeavesAnAlreadyResetSourcePrecedenceAlone() {
    h.list(PROPERTY_SETTINGS,
        "{\"id\":\"pps-0\",\"name\":null,\"prioritizedSourceUrls\":[\"" + ENTRA_URL + "\"]}");

    Run r = h.autoApply("people:\n  profilePropertySettings: {}\nprune: [people.profilePropertySettings]\n");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No changes.");
    h.verifyOnlyReads();
  }

  @Test
  void entraSourceAppendedByGraphAfterTheYamlListIsNoChange() {
    h.list(PROPERTY_SETTINGS,
        "{\"id\":\"pps-0\",\"name\":null,\"prioritizedSourceUrls\":[\"" + HR_URL + "\",\"" + ENTRA_URL + "\"]}");

    Run r = h.graph("plan", h.yaml("desired.yaml", """
        people:
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls: ["%s"]
        """.formatted(HR_URL)).toString(), "--detailed-exitcode");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("No changes. The tenant matches the desired state (1 checked).");
    h.verifyOnlyReads();
  }

  @Test
  void reorderedSourcePrecedenceIsAChangeBecauseOrderMatters() {
    String other = HR_URL.replace("contosohr1", "contosohr2");
    h.list(PROPERTY_SETTINGS, "{\"id\":\"pps-0\",\"name\":null,\"prioritizedSourceUrls\":[\"" + other + "\",\""
        + HR_URL + "\",\"" + ENTRA_URL + "\"]}");
    h.patchOk(PROPERTY_SETTINGS + "/pps-0");
    h.list(WireHarness.SOURCES, WireHarness.ENTRA_SOURCE, WireHarness.HR_SOURCE,
        WireHarness.HR_SOURCE.replace("contosohr1", "contosohr2").replace("27f1af7b", "37f1af7b"));

    Run r = h.autoApply("""
        people:
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls: ["%s", "%s"]
        """.formatted(HR_URL, other));

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(PROPERTY_SETTINGS + "/pps-0",
        "{\"prioritizedSourceUrls\":[\"" + HR_URL + "\",\"" + other + "\"]}");
  }}
