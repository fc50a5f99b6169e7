package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.cli.CliContext;
import org.settingsreconciler.cli.Main;
import org.settingsreconciler.cli.Terminal;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * A long apply says on stderr that it is still going (apply.ApplyProgress), through the CLI: how often is set by
 * RECONCILER_PROGRESS_SECONDS (here a tenth of a second, against a write the sandbox answers half a second late),
 * stdout stays the report, and a tenant of a fleet, whose output is held back, says nothing of the kind.
 */
class ApplyProgressCliTest {

  private static final String EXAMPLES = "../examples";
  private static final String SLOW_WRITE = "PATCH /admin/people/pronouns=timeout:delay=0.6";

  @TempDir Path tmp;

  private String[] slowApply() {
    return new String[] {"apply", EXAMPLES, "--auto-approve", "--sandbox", "--sandbox-state",
        tmp.resolve("tenant.json").toString(), "--sandbox-fault", SLOW_WRITE};
  }

  @Test
  void aSlowApplySaysItIsStillGoingOnStderrOnly() {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", "0.1"), slowApply());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).as(r.toString()).containsPattern("Still applying: ([0-9]|1[0-4]) of 15 changes answered \\[0s elapsed]");
    assertThat(r.out()).doesNotContain("Still applying").contains("Apply complete: 15 applied, 0 failed.");
  }

  @Test
  void zeroTurnsTheLinesOff() {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", "0"), slowApply());

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("Still applying");
  }

  @Test
  void aValueThatIsNotANumberOfSecondsIsRefusedBeforeAnythingIsRead() {
    Run r = CliRunner.run(Map.of("RECONCILER_PROGRESS_SECONDS", "soon"), slowApply());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("error: RECONCILER_PROGRESS_SECONDS must be a number of seconds and at most 3600")
        .contains("'soon'")
        .doesNotContain("Signed in");
    assertThat(r.out()).doesNotContain("Plan:");
  }

  @Test
  void aTenantWhoseOutputIsHeldBackSaysNothingOfTheKind() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

    int exit = new Main(new CliContext(o, e, Map.of("RECONCILER_PROGRESS_SECONDS", "0.1"), Terminal.none(), false))
        .run(slowApply());

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Still applying");
  }
}
