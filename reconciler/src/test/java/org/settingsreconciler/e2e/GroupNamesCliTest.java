package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/** Group names through the CLI against the sandbox's demo tenant, whose directory has the example groups. */
class GroupNamesCliTest {

  static final String PILOT = "edbfe4fb-ec70-4300-928f-dbb2ae86c981";

  @TempDir Path dir;

  private Run cli(String... args) {
    return CliRunner.run(Map.of(), args);
  }

  @Test
  void planShowsTheNameAndIdAndApplySendsTheId() throws Exception {
    Path yaml = Files.writeString(dir.resolve("insights.yaml"),
        "people:\n  itemInsights:\n    disabledForGroup: {group: Copilot Pilot}\n");
    Path state = dir.resolve("tenant.json");

    Run plan = cli("plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("~ disabledForGroup: null -> \"Copilot Pilot\" (" + PILOT + ")");

    Run json = cli("plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString(), "--format", "json");
    assertThat(json.out()).contains("\"group\" : \"Copilot Pilot\"").contains("\"disabledForGroup\" : \"" + PILOT + "\"");

    Run apply = cli("apply", yaml.toString(), "--sandbox", "--sandbox-state", state.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(Files.readString(state)).contains("\"disabledForGroup\" : \"" + PILOT + "\"");

    Run again = cli("plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString());
    assertThat(again.out()).contains("No changes");
  }

  @Test
  void aNamedGroupSentUnchangedShowsItsNameBesideTheIdInPlanAndCheck() throws Exception {
    // Graph requires groupId in every limitedMode PATCH: turning the mode on resends the stored group unchanged.
    Path state = Files.writeString(dir.resolve("tenant.json"), """
        {"resources": {"copilot.limitedMode": {"isEnabledForGroup": false, "groupId": "%s"}},
         "groups": [{"id": "%s", "displayName": "Copilot Pilot"}]}
        """.formatted(PILOT, PILOT));
    Path yaml = Files.writeString(dir.resolve("copilot.yaml"),
        "copilot:\n  limitedMode:\n    isEnabledForGroup: true\n    groupId: {group: Copilot Pilot}\n");
    String resent = "= groupId: \"Copilot Pilot\" (" + PILOT + ")    (unchanged; sent because Graph requires it)";

    Run plan = cli("plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString());
    Run check = cli("check", yaml.toString(), "--sandbox", "--sandbox-state", state.toString());
    Run markdown = cli("plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString(), "--format",
        "markdown");

    assertThat(plan.out()).as(plan.toString()).contains(resent);
    assertThat(check.out()).as(check.toString()).contains(resent);
    assertThat(markdown.out()).as(markdown.toString())
        .contains("`groupId` = `\"Copilot Pilot\" (" + PILOT + ")`");
  }

  @Test
  void anUnknownNameFailsAtItsPlaceAndWritesNothing() throws Exception {
    Path yaml = Files.writeString(dir.resolve("insights.yaml"),
        "people:\n  itemInsights:\n    isEnabledInOrganization: false\n    disabledForGroup: {group: Pilot}\n");
    Path state = dir.resolve("tenant.json");

    Run apply = cli("apply", yaml.toString(), "--sandbox", "--sandbox-state", state.toString(), "--auto-approve");

    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err())
        .contains("error: " + yaml + ":4:23: people.itemInsights.disabledForGroup: no Entra group is named \"Pilot\"")
        .contains("error: 1 group name could not be resolved; nothing was written to the tenant (only reads were sent)")
        .as("the lookup was sent, and the YAML is valid").doesNotContain("nothing was sent").doesNotContain("invalid")
        .doesNotContain("this is a bug");
    assertThat(Files.readString(state)).contains("\"isEnabledInOrganization\" : true");
  }

  @Test
  void validateAcceptsGroupNamesWithoutATenant() throws Exception {
    Path yaml = Files.writeString(dir.resolve("insights.yaml"),
        "people:\n  itemInsights:\n    disabledForGroup: {group: Anything}\n");
    Run validate = cli("validate", yaml.toString());
    assertThat(validate.exit()).as(validate.toString()).isZero();
  }

  @Test
  void exportWithGroupNamesWritesNamesThatPlanBackToNoChanges() throws Exception {
    Path state = Files.writeString(dir.resolve("tenant.json"), """
        {"resources": {
           "copilot.enhancedPersonalization": {"isEnabledInOrganization": true, "disabledForGroup": "%s"},
           "copilot.limitedMode": {"isEnabledForGroup": true, "groupId": "22222222-2222-2222-2222-222222222222"},
           "people.itemInsights": {"isEnabledInOrganization": true, "disabledForGroup": "99999999-9999-9999-9999-999999999999"}},
         "groups": [
           {"id": "%s", "displayName": "Copilot Pilot"},
           {"id": "22222222-2222-2222-2222-222222222222", "displayName": "Sales"},
           {"id": "33333333-3333-3333-3333-333333333333", "displayName": "Sales"}]}
        """.formatted(PILOT, PILOT));
    Path exported = dir.resolve("exported.yaml");

    Run export = cli("export", "--group-names", "--out", exported.toString(), "--sandbox", "--sandbox-state",
        state.toString());

    assertThat(export.exit()).as(export.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml).contains("disabledForGroup:\n      group: Copilot Pilot");
    assertThat(yaml).contains("groupId: 22222222-2222-2222-2222-222222222222");
    assertThat(yaml).contains("disabledForGroup: 99999999-9999-9999-9999-999999999999");
    assertThat(export.err())
        .contains("note: group 22222222-2222-2222-2222-222222222222 left as an id: 2 groups are named \"Sales\"")
        .contains("note: group 99999999-9999-9999-9999-999999999999 left as an id: no group with this id");

    Run plan = cli("plan", exported.toString(), "--detailed-exitcode", "--sandbox", "--sandbox-state",
        state.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");

    Run plain = cli("export", "--sandbox", "--sandbox-state", state.toString());
    assertThat(plain.out()).as("ids without --group-names").contains("disabledForGroup: " + PILOT);
  }
}
