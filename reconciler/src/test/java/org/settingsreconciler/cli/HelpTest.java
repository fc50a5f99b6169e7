package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.secrets.InProcessCli;

/** Every command answers --help, as the usage errors tell users to try. */
class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"validate", "plan", "apply", "check", "export", "sandbox", "permissions", "login", "logout"})
  void everyCommandHasHelp(String command) {
    InProcessCli.Result help = InProcessCli.run(Map.of(), command, "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: reconciler " + command);
  }

  /** A saved plan is applied without a prompt (as Terraform's apply PLANFILE): --help must say so where --plan is. */
  @Test
  void applyHelpSaysASavedPlanIsAppliedWithoutAsking() {
    String help = InProcessCli.run(Map.of(), "apply", "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("--plan=FILE Apply this saved plan (from plan --out) instead, without asking for "
        + "confirmation, as Terraform's apply PLANFILE does");
  }
}
