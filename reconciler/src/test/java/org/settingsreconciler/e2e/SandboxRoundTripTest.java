package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's examples through the CLI entry point, as a user would run them, against the in-process sandbox
 * with a state file so that every run sees what the previous one applied: plan, apply, plan again, check, export,
 * and the export planned and validated.
 */
class SandboxRoundTripTest {

  /** Maven runs tests in the module directory; the examples sit at the top of the repository. */
  private static final String EXAMPLES = "../examples";

  @TempDir Path tmp;

  private record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @Test
  void examplesPlanApplyAndConverge() {
    Run plan = cli("plan", EXAMPLES);
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("Planned against the sandbox tenant").contains("to create").contains("to update");

    Run detailed = cli("plan", "--detailed-exitcode", EXAMPLES);
    assertThat(detailed.code()).as(detailed.toString()).isEqualTo(2);

    Run apply = cli("apply", "--auto-approve", EXAMPLES);
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete").doesNotContain("FAILED");

    Run again = cli("plan", "--detailed-exitcode", EXAMPLES);
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes");

    Run check = cli("check", EXAMPLES);
    assertThat(check.code()).as(check.toString()).isZero();

    Path exported = tmp.resolve("f.yaml");
    Run export =
        cli(
            "export",
            "--out",
            exported.toString(),
            "--user",
            "adele.vance@contoso.com",
            "--user",
            "megan.bowen@contoso.com");
    assertThat(export.code()).as(export.toString()).isZero();
    assertThat(exported).exists();

    Run planExport = cli("plan", "--detailed-exitcode", exported.toString());
    assertThat(planExport.code()).as(planExport + "\n--- exported\n" + read(exported)).isZero();
    assertThat(planExport.out()).contains("No changes");

    Run validate = cli("validate", exported.toString());
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).startsWith("Valid:");
  }

  /** Runs one command against the shared sandbox tenant (created from the demo tenant on first use). */
  private Run cli(String command, String... args) {
    List<String> argv = new ArrayList<>(List.of(command));
    if (!command.equals("validate")) {
      argv.addAll(List.of("--sandbox", "--sandbox-state", tmp.resolve("tenant.json").toString()));
    }
    argv.addAll(List.of(args));
    CliRunner.Run r = CliRunner.run(Map.of(), argv.toArray(String[]::new));
    return new Run(r.exit(), r.out(), r.err());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
