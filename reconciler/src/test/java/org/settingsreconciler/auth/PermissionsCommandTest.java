package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/** {@code permissions PATH...}: what to grant the app registration, offline. */
class PermissionsCommandTest {

  @TempDir Path tmp;
  AuthFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new AuthFixture(tmp);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void listsEachSettingTypeAndWhatToGrantForAdminsAndPipelines() {
    Run run = f.cli(f.env(), "permissions", "../examples");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("copilot.limitedMode *")
        .containsPattern("copilot\\.limitedMode \\*\\s+CopilotSettings-LimitedMode\\.Read\\s+"
            + "CopilotSettings-LimitedMode\\.ReadWrite\\s+no \\(a signed-in admin only\\)")
        .containsPattern("people\\.pronouns\\s+PeopleSettings\\.Read\\.All\\s+PeopleSettings\\.ReadWrite\\.All\\s+"
            + "read and write")
        .containsPattern("users\\.interests\\s+User\\.Read\\.All\\s+User\\.ReadWrite\\.All\\s+read only")
        .contains("  plan, check, export:  PeopleSettings.Read.All, CopilotSettings-LimitedMode.Read, "
            + "CopilotPolicySettings.Read, User.Read.All")
        .contains("  apply:                PeopleSettings.ReadWrite.All\n")
        .contains("App-only tokens cannot read copilot.limitedMode, copilot.policySettings, "
            + "people.profileCardProperties: they need a signed-in admin.")
        .contains("App-only tokens cannot write users.interests")
        .contains("Global Reader to read, Global Administrator to write")
        .contains("* exists in the global cloud only.")
        .contains("Optional, to name the tenant in headings and the apply prompt: User.Read (delegated) or "
            + "Organization.Read.All (application)")
        .as("the examples name no group").doesNotContain("GroupMember.Read.All");
    assertThat(f.wm.getAllServeEvents()).as("offline").isEmpty();
  }

  @Test
  void groupNamesNeedThePermissionThatReadsGroups() throws Exception {
    Path named = f.yaml("named.yaml", "copilot:\n  limitedMode:\n    isEnabledForGroup: true\n"
        + "    groupId: {group: Copilot Pilot}\n");

    Run run = f.cli(f.env(), "permissions", named.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Group names ({group: name}) are looked up in the directory: "
        + "GroupMember.Read.All (or Group.Read.All), delegated or application");
  }

  @Test
  void onlyWhatTheDesiredStateManagesIsListed() throws Exception {
    Path people = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(f.env(), "permissions", people.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("people.pronouns").doesNotContain("copilot.").doesNotContain("cannot read")
        .contains("  plan, check, export:  PeopleSettings.Read.All\n");
  }

  @Test
  void invalidYamlIsReportedAsEverywhere() throws Exception {
    Path bad = f.yaml("bad.yaml", "people:\n  pronoun:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(f.env(), "permissions", bad.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("bad.yaml:2:3");
  }
}
