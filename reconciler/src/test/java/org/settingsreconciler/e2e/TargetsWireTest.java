package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.CARD;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * {@code --target} is a parsed address matched segment by segment: {@code people.pro} used to select every people
 * setting starting with "pro", and a typo in an item's key read its collection, matched nothing and reported the
 * tenant "in sync". Now a malformed target stops the run before any request, and one that matches nothing in the
 * desired state or the tenant as read is an error naming what is there, in plan, apply and check.
 */
class TargetsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  private static final String DESIRED = """
      people:
        pronouns:
          isEnabledInOrganization: true
        profilePropertySettings:
          department:
            prioritizedSourceUrls: []
        profileCardProperties:
          Alias: {}
          CustomAttribute1:
            annotations:
              - displayName: Cost Center
      users:
        adele@contoso.com:
          interests:
            Chelsea FC:
              categories: [Sports]
      """;

  private String desired;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    desired = h.yaml("desired.yaml", DESIRED).toString();
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.list(PROPERTY_SETTINGS, "{\"id\":\"ps1\",\"name\":\"department\",\"prioritizedSourceUrls\":[]}");
    h.list(CARD, "{\"directoryPropertyName\":\"Alias\",\"annotations\":[]}",
        "{\"directoryPropertyName\":\"CustomAttribute1\",\"annotations\":[{\"displayName\":\"Old\"}]}");
    h.list(INTERESTS, "{\"id\":\"i1\",\"displayName\":\"Chelsea FC\",\"categories\":[\"Sports\"]}");
  }

  private Run run(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, desired));
    args.addAll(List.of(more));
    if (command.equals("apply")) {
      args.addAll(List.of("--auto-approve", "--no-verify"));
    }
    return h.graph(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0} --target {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "plan  | people.pro | people has no setting pro; there are people.pronouns, people.namePronunciation",
    "apply | people.pronoun | people has no setting pronoun; did you mean people.pronouns?",
    "check | people.profileCardProperties[Alias] | a key is written in brackets and double quotes: [\"Alias\"]",
    "plan  | users.interests | users is followed by a user principal name in brackets and quotes",
    "check | people.pronouns.isEnabledInOrganization | a target is a whole setting, not one of its properties",
    "apply | peeple | an address starts with copilot, people, organization or users; did you mean people?",
    "plan  | `people.profileCardProperties[\"Alias` | a key's quote is not closed",
  })
  void aMalformedTargetStopsTheRunBeforeAnyRequest(String command, String target, String message) {
    Run r = run(command, "--target", target);

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("Invalid value for option '--target' (ADDRESS): " + target + " is not an address: "
        + message);
    assertThat(r.out()).isEmpty();
    h.verifyNoRequests();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "apply", "check"})
  void aTypoInAnItemKeyIsAnErrorNamingTheItemsThereAre(String command) {
    Run r = run(command, "--target", "people.profileCardProperties[\"Alais\"]");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("error: --target people.profileCardProperties[\"Alais\"] matches nothing in the "
        + "desired state or the tenant; did you mean people.profileCardProperties[\"Alias\"]? "
        + "people.profileCardProperties holds: people.profileCardProperties[\"Alias\"], "
        + "people.profileCardProperties[\"CustomAttribute1\"].")
        .contains("Nothing was written to the tenant (only reads were sent).");
    assertThat(r.out()).doesNotContain("No changes").doesNotContain("No drift").doesNotContain("in sync");
    h.verifyOnlyReads();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plan", "apply", "check"})
  void aTargetOutsideTheDesiredStateStopsBeforeAnyRequest(String command) {
    Run r = run(command, "--target", "users[\"megan@contoso.com\"]");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("error: --target users[\"megan@contoso.com\"] matches nothing in the desired "
        + "state. users holds: users[\"adele@contoso.com\"].")
        .contains("Nothing was sent to the tenant.");
    h.verifyNoRequests();
  }

  /** A prefix of a name is no longer a target: people.pro used to select pronouns and both collections. */
  @Test
  void targetsMatchWholeSegmentsAtEveryDepth() {
    assertThat(run("plan", "--target", "people.pronouns").out())
        .contains("~ people.pronouns will be updated").doesNotContain("profileCardProperties");
    assertThat(run("plan", "--target", "people.profileCardProperties").out())
        .contains("~ people.profileCardProperties[\"CustomAttribute1\"] will be updated")
        .doesNotContain("people.pronouns").doesNotContain("Chelsea");
    assertThat(run("plan", "--target", "people").out())
        .contains("people.pronouns").contains("people.profileCardProperties[\"CustomAttribute1\"]")
        .doesNotContain("Chelsea");
    Run item = run("check", "--target", "users[\"Adele@Contoso.com\"].interests[\"chelsea fc\"]");
    assertThat(item.exit()).as("the one targeted interest is in sync: keys match as Graph matches them")
        .isZero();
    assertThat(item.out()).contains("(1 setting checked)");
    assertThat(run("check", "--target", "users[\"adele@contoso.com\"]").exit()).isZero();
  }

  /** An item only in the tenant is a real target when pruning would delete it: the plan shows just that delete. */
  @Test
  void anItemOnlyInTheTenantIsATargetWhenPruningDeletesIt() {
    h.list(CARD, "{\"directoryPropertyName\":\"Alias\",\"annotations\":[]}",
        "{\"directoryPropertyName\":\"CustomAttribute1\",\"annotations\":[{\"displayName\":\"Cost Center\"}]}",
        "{\"directoryPropertyName\":\"CustomAttribute7\",\"annotations\":[]}");
    String target = "people.profileCardProperties[\"CustomAttribute7\"]";

    Run unpruned = run("plan", "--target", target);
    assertThat(unpruned.exit()).isEqualTo(1);
    assertThat(unpruned.err()).contains("--target " + target + " matches nothing in the desired state or the tenant");

    desired = h.yaml("desired.yaml", DESIRED + "prune: [people.profileCardProperties]\n").toString();
    Run pruned = run("plan", "--target", target, "--detailed-exitcode");
    assertThat(pruned.exit()).as(pruned.err()).isEqualTo(2);
    assertThat(pruned.out()).contains("- " + target + " will be deleted")
        .contains("Plan: 0 to create, 0 to update, 1 to delete, 0 unchanged.");
  }
}
