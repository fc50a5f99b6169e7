package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.secrets.InProcessCli;

/** What export says fits export: it reads no YAML, and --user brings more than interests. */
class ExportWordingCliTest {

  @Test
  void userOptionsNameEverythingExportedPerUser() {
    // The demo tenant's Megan Bowen has settings, item insights and interests: all three are exported.
    InProcessCli.Result export = InProcessCli.run(Map.of(), "export", "--sandbox", "--user", "megan.bowen@contoso.com");
    assertThat(export.out()).contains("megan.bowen@contoso.com:").contains("settings:").contains("itemInsights:")
        .contains("interests:");
    String help = InProcessCli.run(Map.of(), "export", "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("--user=UPN Also export this user's settings, item insights and interests")
        .contains("--all-users Also export the settings, item insights and interests of every user");
  }

  @Test
  void groupScopedPolicySettingIsNotAdvisedAgainstAYamlExportDoesNotRead() {
    // The demo tenant's microsoft.copilot.imagegeneration is configured in a group-level policy.
    InProcessCli.Result export = InProcessCli.run(Map.of(), "export", "--sandbox");
    assertThat(export.err()).contains("microsoft.copilot.imagegeneration")
        .contains("manage it in the Cloud Policy service, not in desired-state YAML")
        .doesNotContain("remove it from the YAML");
  }
}
