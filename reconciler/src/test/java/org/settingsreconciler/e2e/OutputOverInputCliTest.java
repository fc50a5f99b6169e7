package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * A file the run writes is never one it reads. Before: {@code plan settings/ --out settings/people.yaml} replaced
 * the desired state with a saved plan (and made it owner-only), a check report replaced the var file it was given as,
 * and {@code export --out} replaced the sandbox state it had just read. Each is refused before anything is read or
 * sent, naming the option and the file, and the file is left as it was.
 */
class OutputOverInputCliTest {

  @TempDir Path dir;

  private Path settings;
  private Path people;
  private String yaml;

  @BeforeEach
  void desiredState() throws Exception {
    settings = Files.createDirectories(dir.resolve("settings"));
    yaml = "people:\n  pronouns:\n    isEnabledInOrganization: ${var:PRONOUNS}\n";
    people = Files.writeString(settings.resolve("people.yaml"), yaml);
  }

  private static Run run(String... args) {
    return CliRunner.run(Map.of(), args);
  }

  private static void refused(Run r, String option, Path file) {
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).contains("error: " + option + " " + file + " is a file this run reads");
    assertThat(r.out()).as("nothing was planned").doesNotContain("Plan:").doesNotContain("Drift:")
        .doesNotContain("No drift");
  }

  @Test
  void aSavedPlanOverTheDesiredStateIsRefused() throws Exception {
    // Named another way than the file the directory holds, and through a link: the same file all the same.
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), people);
    Path other = dir.resolve("settings/../settings/people.yaml");

    refused(run("plan", settings.toString(), "--var", "PRONOUNS=true", "--sandbox", "--out", other.toString()),
        "--out", other);
    refused(run("plan", link.toString(), "--var", "PRONOUNS=true", "--sandbox", "--out", people.toString()),
        "--out", people);

    assertThat(Files.readString(people)).isEqualTo(yaml);
  }

  @Test
  void aReportOverAVarFileOrTheSandboxStateIsRefused() throws Exception {
    Path vars = Files.writeString(dir.resolve("vars.json"), "{\"PRONOUNS\": true}\n");
    Path state = dir.resolve("state.json");
    Run applied = run("apply", settings.toString(), "--var-file", vars.toString(), "--sandbox", "--sandbox-state",
        state.toString(), "--auto-approve");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    String stateBefore = Files.readString(state);

    refused(run("check", settings.toString(), "--var-file", vars.toString(), "--sandbox", "--report",
        vars.toString()), "--report", vars);
    refused(run("apply", settings.toString(), "--var-file", vars.toString(), "--sandbox", "--sandbox-state",
        state.toString(), "--auto-approve", "--report", state.toString()), "--report", state);
    refused(run("plan", settings.toString(), "--var-file", vars.toString(), "--sandbox", "--sandbox-state",
        state.toString(), "--out", state.toString()), "--out", state);

    Run exported = run("export", "--sandbox", "--sandbox-state", state.toString(), "--out", state.toString());
    assertThat(exported.exit()).as(exported.toString()).isEqualTo(1);
    assertThat(exported.err()).contains("error: --out " + state + " is a file this run reads");

    assertThat(Files.readString(vars)).isEqualTo("{\"PRONOUNS\": true}\n");
    assertThat(Files.readString(state)).isEqualTo(stateBefore);
  }

  @Test
  void aReportOverTheSavedPlanItAppliesIsRefused() throws Exception {
    Path plan = dir.resolve("plan.json");
    Run planned = run("plan", settings.toString(), "--var", "PRONOUNS=true", "--sandbox", "--out", plan.toString());
    assertThat(planned.exit()).as(planned.toString()).isZero();
    String saved = Files.readString(plan);

    Run r = run("apply", "--plan", plan.toString(), "--sandbox", "--report", plan.toString());

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error: --report " + plan + " is a file this run reads");
    assertThat(Files.readString(plan)).isEqualTo(saved);
  }

  @Test
  void aSavedPlanOverATenantsOwnFileIsRefused() throws Exception {
    Path tenant = Files.createDirectories(dir.resolve("tenants/contoso"));
    String described = "tenantId: 7c1e9d24-5b3a-4f08-a6e2-91d0b4c7f352\nvariables:\n  PRONOUNS: \"true\"\n";
    Path tenantFile = Files.writeString(tenant.resolve("tenant.yaml"), described);
    Files.writeString(tenant.resolve("people.yaml"), yaml);

    Run r = run("plan", tenant.toString(), "--sandbox", "--out", tenantFile.toString());

    refused(r, "--out", tenantFile);
    assertThat(Files.readString(tenantFile)).isEqualTo(described);
  }
}
