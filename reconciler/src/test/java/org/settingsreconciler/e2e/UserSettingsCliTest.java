package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * A user's settings, with the item insights setting Graph nests in them (and the YAML too), through the CLI against
 * the sandbox's demo tenant: plan, apply, a second plan that is empty, targets into the nesting, and exports of
 * named users and of every user that plan back to no changes.
 */
class UserSettingsCliTest {

  static final String ADELE = "adele.vance@contoso.com";
  static final String MEGAN = "megan.bowen@contoso.com";

  static final String DESIRED = """
      users:
        adele.vance@contoso.com:
          settings:
            contributionToContentDiscoveryDisabled: true
            itemInsights:
              isEnabled: false
        megan.bowen@contoso.com:
          settings:
            itemInsights:
              isEnabled: false
      """;

  @TempDir Path dir;

  @Test
  void planAppliesEachUsersSettingsAndPlansNothingAfter() throws IOException {
    Path yaml = Files.writeString(dir.resolve("users.yaml"), DESIRED);
    Path state = dir.resolve("tenant.json");

    Run plan = CliRunner.sandbox(state, "plan", yaml.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("~ users[\"" + ADELE + "\"].settings will be updated\n      PATCH /v1.0/users/" + ADELE
            + "/settings\n      ~ contributionToContentDiscoveryDisabled: false -> true")
        .contains("~ users[\"" + ADELE + "\"].settings.itemInsights will be updated\n      PATCH /v1.0/users/"
            + ADELE + "/settings/itemInsights\n      ~ isEnabled: true -> false")
        .contains("~ users[\"" + MEGAN + "\"].settings.itemInsights will be updated")
        .contains("Plan: 0 to create, 3 to update, 0 to delete, 1 unchanged.");

    Run apply = CliRunner.sandbox(state, "apply", yaml.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();

    Run again = CliRunner.sandbox(state, "plan", "--detailed-exitcode", yaml.toString());
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  @Test
  void aTargetOnTheSettingsTakesWhatIsNestedInThemAndOneOnTheNestedTakesOnlyThat() throws IOException {
    Path yaml = Files.writeString(dir.resolve("users.yaml"), DESIRED);
    Path state = dir.resolve("tenant.json");

    Run settings = CliRunner.sandbox(state, "plan", yaml.toString(), "--target", "users[\"" + ADELE + "\"].settings");
    Run nested = CliRunner.sandbox(state, "plan", yaml.toString(), "--target",
        "users[\"" + ADELE + "\"].settings.itemInsights");

    assertThat(settings.exit()).as(settings.toString()).isZero();
    assertThat(settings.out()).contains("users[\"" + ADELE + "\"].settings will be updated")
        .contains("users[\"" + ADELE + "\"].settings.itemInsights will be updated").doesNotContain(MEGAN);
    assertThat(nested.exit()).as(nested.toString()).isZero();
    assertThat(nested.out()).contains("users[\"" + ADELE + "\"].settings.itemInsights will be updated")
        .doesNotContain("settings will be updated").doesNotContain(MEGAN);
  }

  @Test
  void aTargetIntoTheNestingNamesWhatIsThereAndNoProperty() throws IOException {
    Path yaml = Files.writeString(dir.resolve("users.yaml"), DESIRED);

    Run typo = CliRunner.sandbox(dir.resolve("tenant.json"), "plan", yaml.toString(), "--target",
        "users[\"" + ADELE + "\"].settings.itemInsight");
    Run property = CliRunner.sandbox(dir.resolve("tenant.json"), "plan", yaml.toString(), "--target",
        "users[\"" + ADELE + "\"].settings.contributionToContentDiscoveryDisabled");

    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err()).contains("settings has no setting itemInsight; did you mean users[\"" + ADELE
        + "\"].settings.itemInsights?");
    assertThat(property.exit()).isEqualTo(1);
    assertThat(property.err()).contains("a target is a whole setting, not one of its properties: users[\"" + ADELE
        + "\"].settings");
  }

  @Test
  void exportOfNamedUsersNestsTheirSettingsAndPlansBackToNoChanges() throws IOException {
    Path state = dir.resolve("tenant.json");
    Path yaml = Files.writeString(dir.resolve("users.yaml"), DESIRED);
    assertThat(CliRunner.sandbox(state, "apply", yaml.toString(), "--auto-approve").exit()).isZero();
    Path exported = dir.resolve("exported.yaml");

    Run export = CliRunner.sandbox(state, "export", "--user", ADELE, "--out", exported.toString());

    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(Files.readString(exported)).contains("""
          adele.vance@contoso.com:
            interests:
        """).contains("""
            settings:
              contributionToContentDiscoveryDisabled: true
              itemInsights:
                isEnabled: false
        """);
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
  }

  @Test
  void exportOfEveryUserHasEachOnesSettingsAndPlansBackToNoChanges() throws IOException {
    Path state = dir.resolve("tenant.json");
    Path yaml = Files.writeString(dir.resolve("users.yaml"), DESIRED);
    assertThat(CliRunner.sandbox(state, "apply", yaml.toString(), "--auto-approve").exit()).isZero();
    Path exported = dir.resolve("exported.yaml");

    Run export = CliRunner.sandbox(state, "export", "--all-users", "--out", exported.toString());

    assertThat(export.exit()).as(export.toString()).isZero();
    String text = Files.readString(exported);
    assertThat(text).contains("""
          megan.bowen@contoso.com:
        """).contains("""
            settings:
              contributionToContentDiscoveryDisabled: false
              itemInsights:
                isEnabled: false
        """).contains("alex.wilber@contoso.com:");
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
  }
}
