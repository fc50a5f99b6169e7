package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.run.ExitCode;
import picocli.CommandLine;
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

  /**
   * Every command's help lists its exit codes as ExitCode gives them, states the range of each numeric option as its
   * Range checks it, and names the page of the docs for the command.
   */
  @ParameterizedTest
  @ValueSource(strings = {"validate", "plan", "apply", "check", "export", "sandbox", "permissions", "login", "logout"})
  void everyCommandsHelpListsItsExitCodesRangesAndDocs(String command) {
    String help = InProcessCli.run(Map.of(), command, "--help").out();
    String flat = help.replaceAll("\\s+", " ");
    assertThat(help).contains("\nExit codes");
    ExitCode.meanings(command).forEach((code, meaning) -> assertThat(flat).contains(" " + code + " " + meaning));
    assertThat(flat).endsWith("Documentation: docs/commands/" + command + ".md ");
    CommandLine cli = ReconcilerCommand.commandLine(new Main.ContextFactory(new CliContext(sink(), sink(), Map.of(),
        Terminal.none())), command).getSubcommands().get(command);
    for (CommandLine.Model.OptionSpec o : cli.getCommandSpec().options()) {
      if (o.converters().length == 1 && o.converters()[0] instanceof Range<?> range) {
        String description = String.join(" ", o.description()).replaceAll("\\s+", " ");
        assertThat(description).as(command + " " + o.longestName()).contains(range.text()).doesNotContain("${");
        assertThat(flat).as(command + " " + o.longestName()).contains(description);
      }
    }
  }

  @Test
  void checkAndPlanSayWhatTheirExitCodeTwoMeans() {
    assertThat(InProcessCli.run(Map.of(), "check", "--help").out().replaceAll("\\s+", " "))
        .contains(" 2 Drift: the tenant differs from the YAML");
    assertThat(InProcessCli.run(Map.of(), "plan", "--help").out().replaceAll("\\s+", " "))
        .contains(" 2 With --detailed-exitcode: the plan has changes.");
    assertThat(InProcessCli.run(Map.of(), "apply", "--help").out()).doesNotContainPattern("(?m)^  2 ");
    assertThat(InProcessCli.run(Map.of(), "sandbox", "--help").out().replaceAll("\\s+", " "))
        .contains("--port=N Port on 127.0.0.1, 0 to 65535; 0 takes any free port (default: 8080).");
  }

  @Test
  void theToolsHelpListsEveryExitCodeAndWhereTheDocsAre() {
    String help = InProcessCli.run(Map.of(), "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("Exit codes: 0 Success; for check and plan --detailed-exitcode: nothing differs. "
        + "1 An error").contains("2 Changes (plan --detailed-exitcode) or drift (check).")
        .contains("--no-color").contains("docs/commands/<command>.md");
  }

  private static PrintStream sink() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
