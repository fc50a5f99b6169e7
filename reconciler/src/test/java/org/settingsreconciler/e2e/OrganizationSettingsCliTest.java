package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organization's insight settings through the CLI against the sandbox's demo tenant: their paths hold the
 * tenant's own organization id, which the run learns from {@code GET /organization} (the YAML never names it); plan,
 * apply, a second plan that is empty, a saved plan, and an export that plans back to no changes.
 */
class OrganizationSettingsCliTest {

  /** The demo tenant's organization (examples/sandbox/demo-tenant.json). */
  static final String ORGANIZATION = "3c1f9e5a-7d2b-4e8c-a6f0-1b9d4e7c2a58";
  static final String PILOT = "edbfe4fb-ec70-4300-928f-dbb2ae86c981";
  static final String OPT_OUT = "9b0f5c1e-2d4a-4e6b-8c3f-7a1d2e5b6c90";
  static final String LIMITED_MODE = "4c563cdf-0efa-44c5-a384-dbf57db277df";

  static final String DESIRED = """
      organization:
        peopleInsights:
          disabledForGroup: {group: Copilot Pilot}
        contactInsights:
          isEnabledInOrganization: false
        microsoftApplicationDataAccess:
          isEnabledForAllMicrosoftApplications: false
      """;

  @TempDir Path dir;

  @Test
  void planAppliesAtTheTenantsOwnOrganizationAndPlansNothingAfter() throws IOException {
    Path yaml = Files.writeString(dir.resolve("organization.yaml"), DESIRED);
    Path state = dir.resolve("tenant.json");

    Run plan = CliRunner.sandbox(state, "plan", yaml.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("~ organization.peopleInsights will be updated\n      PATCH /beta/organization/" + ORGANIZATION
            + "/settings/peopleInsights\n      ~ disabledForGroup: null -> \"Copilot Pilot\" (" + PILOT + ")")
        .contains("PATCH /beta/organization/" + ORGANIZATION + "/settings/contactInsights\n"
            + "      ~ isEnabledInOrganization: true -> false")
        .contains("PATCH /beta/organization/" + ORGANIZATION + "/settings/microsoftApplicationDataAccess\n"
            + "      ~ isEnabledForAllMicrosoftApplications: true -> false")
        .contains("Plan: 0 to create, 3 to update, 0 to delete, 0 unchanged.");

    Run apply = CliRunner.sandbox(state, "apply", yaml.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    JsonNode tenant = JsonMapper.builder().build().readTree(Files.readString(state)).get("resources");
    assertThat(tenant.at("/organization.peopleInsights/disabledForGroup").asString()).isEqualTo(PILOT);
    assertThat(tenant.at("/organization.contactInsights/isEnabledInOrganization").asBoolean()).isFalse();

    Run again = CliRunner.sandbox(state, "plan", "--detailed-exitcode", yaml.toString());
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");
  }

  @Test
  void aSavedPlanIsAppliedAtTheOrganizationItWasMadeFor() throws IOException {
    Path yaml = Files.writeString(dir.resolve("organization.yaml"), DESIRED);
    Path state = dir.resolve("tenant.json");
    Path saved = dir.resolve("plan.json");

    Run plan = CliRunner.sandbox(state, "plan", yaml.toString(), "--out", saved.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(Files.readString(saved)).contains("\"path\" : \"/beta/organization/" + ORGANIZATION
        + "/settings/contactInsights\"");

    Run apply = CliRunner.sandbox(state, "apply", "--plan", saved.toString(), "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(CliRunner.sandbox(state, "plan", yaml.toString()).out()).contains("No changes");
  }

  @Test
  void exportWritesTheSettingsWithGroupNamesAndPlansBackToNoChanges() throws IOException {
    Path state = dir.resolve("tenant.json");
    Path yaml = Files.writeString(dir.resolve("organization.yaml"), DESIRED);
    assertThat(CliRunner.sandbox(state, "apply", yaml.toString(), "--auto-approve").exit()).isZero();
    Path exported = dir.resolve("exported.yaml");

    Run export = CliRunner.sandbox(state, "export", "--group-names", "--out", exported.toString());

    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(Files.readString(exported)).contains("""
        organization:
          peopleInsights:
            isEnabledInOrganization: true
            disabledForGroup:
              group: Copilot Pilot
          contactInsights:
            isEnabledInOrganization: false
            disabledForGroup: null
          microsoftApplicationDataAccess:
            isEnabledForAllMicrosoftApplications: false
            disabledForGroup: null
        """);
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
  }

  /**
   * Every group-valued property of the three settings takes a group by name ({@code {group: name}}), sent as its id;
   * export with --group-names writes each back by name, and that plans to no changes.
   */
  @Test
  void everyDisabledForGroupTakesAGroupByNameAndExportsItByName() throws IOException {
    Path state = dir.resolve("tenant.json");
    Path yaml = Files.writeString(dir.resolve("organization.yaml"), """
        organization:
          peopleInsights:
            disabledForGroup: {group: People Insights Opt-out}
          contactInsights:
            disabledForGroup: {group: copilot pilot}
          microsoftApplicationDataAccess:
            disabledForGroup: {group: Teams Limited Mode}
        """);

    Run apply = CliRunner.sandbox(state, "apply", yaml.toString(), "--auto-approve");

    assertThat(apply.exit()).as(apply.toString()).isZero();
    JsonNode tenant = JsonMapper.builder().build().readTree(Files.readString(state)).get("resources");
    assertThat(tenant.at("/organization.peopleInsights/disabledForGroup").asString()).isEqualTo(OPT_OUT);
    assertThat(tenant.at("/organization.contactInsights/disabledForGroup").asString()).isEqualTo(PILOT);
    assertThat(tenant.at("/organization.microsoftApplicationDataAccess/disabledForGroup").asString())
        .isEqualTo(LIMITED_MODE);
    assertThat(CliRunner.sandbox(state, "plan", "--detailed-exitcode", yaml.toString()).exit()).isZero();

    Path exported = dir.resolve("exported.yaml");
    Run export = CliRunner.sandbox(state, "export", "--group-names", "--out", exported.toString());
    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(Files.readString(exported))
        .contains("  peopleInsights:\n    isEnabledInOrganization: true\n    disabledForGroup:\n"
            + "      group: People Insights Opt-out\n")
        .contains("  contactInsights:\n    isEnabledInOrganization: true\n    disabledForGroup:\n"
            + "      group: Copilot Pilot\n")
        .contains("  microsoftApplicationDataAccess:\n    isEnabledForAllMicrosoftApplications: true\n"
            + "    disabledForGroup:\n      group: Teams Limited Mode\n");
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }

  @Test
  void aTargetNamesOneOfThem() throws IOException {
    Path yaml = Files.writeString(dir.resolve("organization.yaml"), DESIRED);

    Run plan = CliRunner.sandbox(dir.resolve("tenant.json"), "plan", yaml.toString(), "--target",
        "organization.contactInsights");

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("organization.contactInsights will be updated")
        .doesNotContain("peopleInsights").doesNotContain("microsoftApplicationDataAccess");
  }
}
