package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Profile sources and the precedence lists that name them, through the CLI against the sandbox (a state file, so
 * each run sees what the one before applied): a source is created before a list names it and deleted only after the
 * lists stop naming it, as the plan shows (its order, "after:", dependsOn); a list naming a source that exists
 * nowhere, or pruning a source a list still names, is an error where it is written, before anything is sent.
 */
class ProfileSourceDependenciesCliTest {

  private static final String ENTRA_ID = "4ce763dd-9214-4eff-af7c-da491cc3782d";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  private Path state;

  private static String url(String sourceId) {
    return "\"https://graph.microsoft.com/v1.0/admin/people/profileSources(sourceId='" + sourceId + "')\"";
  }

  /** A tenant whose precedence names legacyhr1 before the Entra ID source. */
  @BeforeEach
  void tenant() throws IOException {
    state = dir.resolve("tenant.json");
    Files.writeString(state, """
        {"resources": {
          "people.profileSources": [
            {"id": "e-1", "sourceId": "%s", "kind": "MSEntra", "displayName": "Microsoft Entra ID",
             "webUrl": null, "localizations": []},
            {"id": "l-1", "sourceId": "legacyhr1", "kind": "Custom", "displayName": "Legacy HR",
             "webUrl": null, "localizations": []}],
          "people.profilePropertySettings": [
            {"id": "pps-0", "name": null, "displayName": null, "prioritizedSourceUrls": [%s, %s]}]}}
        """.formatted(ENTRA_ID, url("legacyhr1"), url(ENTRA_ID)));
  }

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("desired.yaml");
    Files.writeString(file, text);
    return file;
  }

  /** workday1 replaces legacyhr1: created before the list names it, legacyhr1 deleted after the list drops it. */
  private Path replacingTheSource() throws IOException {
    return yaml("""
        people:
          profileSources:
            workday1:
              displayName: Workday
              kind: Workday
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls:
                - %s
                - %s
        prune:
          - people.profileSources
        """.formatted(url("workday1"), url(ENTRA_ID)));
  }

  @Test
  void aSourceIsCreatedBeforeTheListNamesItAndDeletedAfterTheListStopsNamingIt() throws IOException {
    Path desired = replacingTheSource();

    Run plan = CliRunner.sandbox(state, "plan", desired.toString());

    assertThat(plan.exit()).as(plan.toString()).isZero();
    String out = plan.out();
    int create = out.indexOf("+ people.profileSources[\"workday1\"] will be created");
    int update = out.indexOf("~ people.profilePropertySettings[\"sourcePrecedence\"] will be updated");
    int delete = out.indexOf("- people.profileSources[\"legacyhr1\"] will be deleted");
    assertThat(create).as(out).isNotNegative();
    assertThat(update).as("the list after the create that it names").isGreaterThan(create);
    assertThat(delete).as("the delete after the list that stops naming it").isGreaterThan(update);
    assertThat(out)
        .contains("PATCH /v1.0/admin/people/profilePropertySettings/pps-0\n"
            + "      after: people.profileSources[\"workday1\"]\n")
        .contains("DELETE /v1.0/admin/people/profileSources(sourceId='legacyhr1')\n"
            + "      after: people.profilePropertySettings[\"sourcePrecedence\"]\n");

    Run json = CliRunner.sandbox(state, "plan", desired.toString(), "--format", "json");
    JsonNode changes = JSON.readTree(json.out()).get("changes");
    assertThat(changes).extracting(c -> c.get("address").asString()).containsExactly(
        "people.profileSources[\"workday1\"]", "people.profilePropertySettings[\"sourcePrecedence\"]",
        "people.profileSources[\"legacyhr1\"]");
    assertThat(changes.get(0).has("dependsOn")).isFalse();
    assertThat(changes.get(1).get("dependsOn")).extracting(JsonNode::asString)
        .containsExactly("people.profileSources[\"workday1\"]");
    assertThat(changes.get(2).get("dependsOn")).extracting(JsonNode::asString)
        .containsExactly("people.profilePropertySettings[\"sourcePrecedence\"]");

    Run apply = CliRunner.sandbox(state, "apply", desired.toString(), "--auto-approve", "--allow-destructive");
    assertThat(apply.exit()).as(apply.toString()).isZero();

    Run again = CliRunner.sandbox(state, "plan", desired.toString(), "--detailed-exitcode");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");

    Path exported = dir.resolve("exported.yaml");
    Run export = CliRunner.sandbox(state, "export", "--out", exported.toString());
    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(Files.readString(exported)).contains("  profileSources:\n").contains("    workday1:\n")
        .doesNotContain("legacyhr1:");
    Run planExport = CliRunner.sandbox(state, "plan", exported.toString(), "--detailed-exitcode");
    assertThat(planExport.exit()).as(planExport.toString()).isZero();
  }

  @Test
  void aSavedPlanKeepsItsDependenciesAndAppliesInTheirOrder() throws IOException {
    Path saved = dir.resolve("plan.json");
    Run plan = CliRunner.sandbox(state, "plan", replacingTheSource().toString(), "--out", saved.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(JSON.readTree(Files.readString(saved)).at("/changes/1/dependsOn/0").asString())
        .isEqualTo("people.profileSources[\"workday1\"]");

    Run apply = CliRunner.sandbox(state, "apply", "--plan", saved.toString(), "--allow-destructive");

    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(Files.readString(state)).contains("workday1").doesNotContain("legacyhr1");
  }

  @Test
  void aListNamingASourceNeitherInTheYamlNorInTheTenantIsALocatedErrorAndNothingIsWritten() throws IOException {
    Path desired = yaml("""
        people:
          pronouns:
            isEnabledInOrganization: true
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls:
                - %s
                - %s
        """.formatted(url(ENTRA_ID), url("nohr1")));
    String before = Files.readString(state);

    Run plan = CliRunner.sandbox(state, "plan", desired.toString());
    Run apply = CliRunner.sandbox(state, "apply", desired.toString(), "--auto-approve");

    for (Run run : new Run[] {plan, apply}) {
      assertThat(run.exit()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains("error: " + desired + ":8:11: people.profilePropertySettings[\"sourcePrecedence\"]"
          + ".prioritizedSourceUrls[1]: names people.profileSources[\"nohr1\"], which is neither in the YAML nor in "
          + "the tenant: add it under people.profileSources (keyed by its sourceId), or name one that exists");
      assertThat(run.out()).doesNotContain("will be updated");
    }
    assertThat(apply.err()).contains("nothing was written to the tenant");
    assertThat(Files.readString(state)).as("the pronouns were not written either").isEqualTo(before);
  }

  @Test
  void aListTheTenantHoldsAlreadyIsNotRefusedForNamingASourceItLacks() throws IOException {
    // The tenant's list names legacyhr1 and a source it does not have; the YAML asks for exactly that list, so
    // nothing is sent that makes the tenant so (an export of this tenant is such a YAML).
    Files.writeString(state, Files.readString(state).replace(url(ENTRA_ID) + "]", url("ghost1") + "]"));
    Path desired = yaml("""
        people:
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls:
                - %s
                - %s
        """.formatted(url("legacyhr1"), url("ghost1")));

    Run plan = CliRunner.sandbox(state, "plan", desired.toString(), "--detailed-exitcode");

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
  }

  @Test
  void pruningASourceThatATenantListStillNamesIsRefusedWhereThePruneIs() throws IOException {
    Path desired = yaml("""
        people:
          profileSources:
            workday1:
              kind: Workday
        prune:
          - people.profileSources
        """);

    Run plan = CliRunner.sandbox(state, "plan", desired.toString());

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err()).contains("error: " + desired + ":2:3: people.profileSources: pruning deletes "
        + "people.profileSources[\"legacyhr1\"], which people.profilePropertySettings[\"sourcePrecedence\"] still names "
        + "in prioritizedSourceUrls");
  }

  @Test
  void aListNamingASourcePruningDeletesIsALocatedError() throws IOException {
    Path desired = yaml("""
        people:
          profileSources: {}
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls:
                - %s
        prune:
          - people.profileSources
        """.formatted(url("legacyhr1")));

    Run plan = CliRunner.sandbox(state, "plan", desired.toString());

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err()).contains(desired + ":6:11: people.profilePropertySettings[\"sourcePrecedence\"]"
        + ".prioritizedSourceUrls[0]: names people.profileSources[\"legacyhr1\"], which pruning deletes");
  }

  @Test
  void aTargetThatLeavesOutWhatItDependsOnIsRefused() throws IOException {
    Path desired = replacingTheSource();

    Run plan = CliRunner.sandbox(state, "plan", desired.toString(), "--target", "people.profilePropertySettings");

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err()).contains("people.profilePropertySettings[\"sourcePrecedence\"] depends on "
        + "people.profileSources[\"workday1\"], which the targets leave out: add --target "
        + "people.profileSources[\"workday1\"]");

    Run both = CliRunner.sandbox(state, "plan", desired.toString(), "--target", "people.profilePropertySettings",
        "--target", "people.profileSources[\"workday1\"]");
    assertThat(both.exit()).as(both.toString()).isZero();
    assertThat(both.out()).contains("+ people.profileSources[\"workday1\"]").doesNotContain("legacyhr1\"] will be");
  }
}
