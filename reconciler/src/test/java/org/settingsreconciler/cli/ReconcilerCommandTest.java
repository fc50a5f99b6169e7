package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.secrets.InProcessCli;

/** Only the subcommand a run names is modelled; help, --version and a misspelt name still see them all. */
class ReconcilerCommandTest {

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertThat(ReconcilerCommand.neededBy("plan", "examples/", "--sandbox")).containsExactly(PlanCommand.class);
    assertThat(ReconcilerCommand.neededBy("logout")).containsExactly(LogoutCommand.class);
  }

  @Test
  void anythingElseGetsEverySubcommandInHelpOrder() {
    assertThat(ReconcilerCommand.neededBy()).isEqualTo(ReconcilerCommand.SUBCOMMANDS);
    assertThat(ReconcilerCommand.neededBy("--help")).isEqualTo(ReconcilerCommand.SUBCOMMANDS);
    assertThat(ReconcilerCommand.neededBy("pln", "x")).isEqualTo(ReconcilerCommand.SUBCOMMANDS);
    assertThat(ReconcilerCommand.neededBy("Plan")).as("names are case-sensitive, as picocli matches them")
        .isEqualTo(ReconcilerCommand.SUBCOMMANDS);
  }

  @Test
  void topLevelHelpListsEveryCommandAndAMisspeltOneIsRefused() {
    InProcessCli.Result help = InProcessCli.run(Map.of(), "--help");
    assertThat(help.out()).containsSubsequence("validate", "plan", "apply", "check", "export", "sandbox",
        "permissions", "login", "logout");

    InProcessCli.Result typo = InProcessCli.run(Map.of(), "pln", "x");
    assertThat(typo.exit()).isEqualTo(1);
    assertThat(typo.err()).contains("Unmatched arguments from index 0: 'pln', 'x'");
  }
}
