package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.InProcessCli;

/**
 * Plan, apply and check colour their symbols and verdicts only on a terminal, and never with --no-color (before or
 * after the command's name), with NO_COLOR set to anything, or in JSON and Markdown; stdout and stderr are decided
 * each on its own. "A terminal" is the {@link Terminal} the run is given, as Terminal.system() finds it.
 */
class ColourCliTest {

  private static final String EXAMPLES = Path.of("..", "examples").toString();
  private static final String ESC = "\u001b[";

  /** Green +, yellow ~, cyan ~ for an action, bold "Plan:". */
  private static final String CREATE = ESC + "32m+" + ESC + "0m ";
  private static final String UPDATE = ESC + "33m~" + ESC + "0m ";
  private static final String ACTION = ESC + "36m~" + ESC + "0m ";
  private static final String PLAN = ESC + "1mPlan:" + ESC + "0m ";

  /** A terminal on stdout and stderr that no one answers. */
  private static Terminal terminal(boolean out, boolean err) {
    return Terminal.unanswered(out, err);
  }

  private static InProcessCli.Result onTerminal(Map<String, String> env, String... args) {
    return InProcessCli.run(env, terminal(true, true), args);
  }

  @Test
  void aPlanOnATerminalMarksCreatesUpdatesActionsAndItsSummaryInColour() {
    InProcessCli.Result plan = onTerminal(Map.of(), "plan", EXAMPLES, "--sandbox");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains(CREATE + "people.profileCardProperties[\"CustomAttribute2\"] will be created")
        .contains(UPDATE + "users[\"megan.bowen@contoso.com\"].settings.itemInsights will be updated")
        .contains(ACTION).contains(PLAN + "4 to create");
    // Only the marks are painted: without the escapes the text is the plain plan, word for word.
    InProcessCli.Result plain = InProcessCli.run(Map.of(), "plan", EXAMPLES, "--sandbox");
    assertThat(plan.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain.out());
  }

  @Test
  void notATerminalMeansNoColour() {
    InProcessCli.Result plan = InProcessCli.run(Map.of(), terminal(false, true), "plan", EXAMPLES, "--sandbox");
    assertThat(plan.exit()).isZero();
    assertThat(plan.out()).contains("Plan: ").doesNotContain(ESC);
  }

  @Test
  void noColorTurnsItOffBeforeOrAfterTheCommandsName() {
    for (String[] args : new String[][] {{"--no-color", "plan", EXAMPLES, "--sandbox"},
        {"plan", EXAMPLES, "--sandbox", "--no-color"}}) {
      InProcessCli.Result plan = onTerminal(Map.of(), args);
      assertThat(plan.exit()).as(String.join(" ", args) + plan.err()).isZero();
      assertThat(plan.out()).as(String.join(" ", args)).contains("Plan: ").doesNotContain(ESC);
    }
  }

  @Test
  void theNoColorVariableSetToAnythingTurnsItOffAndEmptyDoesNot() {
    InProcessCli.Result set = onTerminal(Map.of("NO_COLOR", "0"), "plan", EXAMPLES, "--sandbox");
    assertThat(set.out()).contains("Plan: ").doesNotContain(ESC);
    InProcessCli.Result empty = onTerminal(Map.of("NO_COLOR", ""), "plan", EXAMPLES, "--sandbox");
    assertThat(empty.out()).contains(PLAN);
  }

  @Test
  void jsonAndMarkdownAreNeverColouredEvenOnATerminal() {
    for (String format : new String[] {"json", "markdown"}) {
      for (String command : new String[] {"plan", "check"}) {
        InProcessCli.Result r = onTerminal(Map.of(), command, EXAMPLES, "--sandbox", "--format", format);
        assertThat(r.out()).as(command + " " + format).isNotEmpty().doesNotContain(ESC);
      }
    }
  }

  @Test
  void applyColoursEachStatusAndItsVerdict() {
    InProcessCli.Result apply = onTerminal(Map.of(), "apply", EXAMPLES, "--sandbox", "--auto-approve");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("  " + ESC + "32mapplied" + ESC + "0m  people.profileCardProperties")
        .contains(ESC + "32mApply complete:" + ESC + "0m 15 applied, 0 failed.");
    InProcessCli.Result off = onTerminal(Map.of(), "apply", EXAMPLES, "--sandbox", "--auto-approve", "--no-color");
    assertThat(off.out()).contains("Apply complete: 15 applied").doesNotContain(ESC);
  }

  @Test
  void checkColoursItsDriftVerdict() {
    InProcessCli.Result check = onTerminal(Map.of(), "check", EXAMPLES, "--sandbox");
    assertThat(check.exit()).isEqualTo(2);
    assertThat(check.out()).contains(ESC + "33mDrift:" + ESC + "0m 14 settings differ from the YAML:");
  }

  @Test
  void stderrIsColouredOnlyWhereItIsATerminal(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "people:\n  pronouns:\n    isEnabledInOrganization: 7\n");
    InProcessCli.Result both = onTerminal(Map.of(), "validate", dir.toString());
    assertThat(both.exit()).isEqualTo(1);
    assertThat(both.err()).contains(ESC + "1;31merror:" + ESC + "0m " + dir.resolve("bad.yaml"));
    InProcessCli.Result outOnly = InProcessCli.run(Map.of(), terminal(true, false), "validate", dir.toString());
    assertThat(outOnly.err()).contains("error: " + dir.resolve("bad.yaml")).doesNotContain(ESC);
    InProcessCli.Result errOnly = InProcessCli.run(Map.of(), terminal(false, true), "plan", EXAMPLES, "--sandbox");
    assertThat(errOnly.out()).doesNotContain(ESC);
  }

  @Test
  void anErrorThatStopsTheRunIsRedOnATerminalAndPlainWithNoColor() {
    String[] args = {"plan", EXAMPLES, "--graph-url", "http://graph.example"};
    assertThat(onTerminal(Map.of(), args).err())
        .startsWith(ESC + "1;31merror:" + ESC + "0m --graph-url must use https");
    String[] off = {"plan", EXAMPLES, "--graph-url", "http://graph.example", "--no-color"};
    assertThat(onTerminal(Map.of(), off).err()).startsWith("error: --graph-url must use https");
  }

  /** A fleet's tenants print later, held back, but to the same terminal: coloured as a single tenant is. */
  @Test
  void aFleetsTenantsAreColouredAsTheirOutputReachesTheTerminal() {
    Path tenants = Path.of("..", "examples", "fleet", "tenants");
    String[] args = Stream.concat(Stream.of("plan"), Stream.of("contoso-prod", "contoso-test")
        .map(t -> tenants.resolve(t).toString())).toArray(String[]::new);
    String[] withSandbox = Stream.concat(Stream.of(args), Stream.of("--sandbox")).toArray(String[]::new);
    InProcessCli.Result fleet = onTerminal(Map.of(), withSandbox);
    assertThat(fleet.exit()).as(fleet.err()).isZero();
    assertThat(fleet.out()).contains("=== Tenant contoso-test").contains(UPDATE + "copilot.limitedMode");
    InProcessCli.Result off = onTerminal(Map.of("NO_COLOR", "1"), withSandbox);
    assertThat(off.out()).contains("=== Tenant contoso-test").doesNotContain(ESC);
  }
}
