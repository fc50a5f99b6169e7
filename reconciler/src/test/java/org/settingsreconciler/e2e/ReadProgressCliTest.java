package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.cli.CliContext;
import org.settingsreconciler.cli.Main;
import org.settingsreconciler.cli.Terminal;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * Long reads say on stderr that they are still going (state.ReadProgress), for plan, check and export, through the
 * CLI: RECONCILER_PROGRESS_SECONDS (here a tenth of a second, against a read the sandbox answers 0.6 s late) sets how
 * often, standard output stays the plan or the YAML, 0 turns the lines off, and a tenant of a fleet says nothing.
 */
class ReadProgressCliTest {

  private static final String EXAMPLES = "../examples";
  private static final String SLOW_READ = "GET /admin/people/pronouns=timeout:delay=0.6";
  private static final String LINE =
      "Still reading the tenant: \\d+ of \\d+ users read, \\d+ requests? in flight, \\d+ throttled waits? \\[0s elapsed]";

  @TempDir Path tmp;

  private String[] slow(String... command) {
    List<String> args = new java.util.ArrayList<>(List.of(command));
    args.addAll(List.of("--sandbox", "--sandbox-fault", SLOW_READ));
    return args.toArray(String[]::new);
  }

  @Test
  void aSlowPlanSaysSoOnStderrOnly() {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", "0.1"), slow("plan", EXAMPLES));

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).as(r.toString()).containsPattern(LINE);
    assertThat(r.out()).doesNotContain("Still reading").contains("Plan:");
  }

  @Test
  void aSlowCheckSaysSoOnStderrOnly() {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", "0.1"), slow("check", EXAMPLES));

    assertThat(r.err()).as(r.toString()).containsPattern(LINE);
    assertThat(r.out()).doesNotContain("Still reading");
  }

  @Test
  void aSlowExportOfEveryUserToStandardOutputKeepsTheLinesOutOfTheYaml() {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", "0.1"), slow("export", "--all-users"));

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).as(r.toString()).containsPattern("Still reading the tenant: \\d+ (of \\d+ )?users read");
    assertThat(r.out()).doesNotContain("Still reading").contains("users:");
  }

  /**
   * Java reads "10d" and "1f" as numbers (a double's and a float's suffix) and "0x1p3" as 8: none is a number of
   * seconds as a user writes one ("10d" may mean ten days), so each is refused, as "soon" is.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"10d", "1f", "0x1p3", "1e1"})
  void javaNumberSyntaxIsNotANumberOfSeconds(String value) {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", value), "plan", EXAMPLES, "--sandbox");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error: RECONCILER_PROGRESS_SECONDS must be a number of seconds and at most 3600")
        .contains("'" + value + "'");
    assertThat(r.out()).doesNotContain("Plan:");
  }

  @Test
  void zeroTurnsTheLinesOff() {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", "0"), slow("plan", EXAMPLES));

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("Still reading");
  }

  @Test
  void aTenantWhoseOutputIsHeldBackSaysNothingOfTheKind() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

    int exit = new Main(new CliContext(o, e, Map.of("RECONCILER_PROGRESS_SECONDS", "0.1"), Terminal.none(), false))
        .run(slow("plan", EXAMPLES));

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Still reading");
  }
}
