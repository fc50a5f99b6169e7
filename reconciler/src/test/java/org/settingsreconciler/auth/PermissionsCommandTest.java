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
        .contains("* exists in the global cloud only.");
    assertThat(f.wm.getAllServeEvents()).as("offline").isEmpty();
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
