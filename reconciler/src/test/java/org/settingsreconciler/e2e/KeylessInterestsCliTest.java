package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * Interests whose displayName is empty or null: Graph's type allows both, but the YAML keys interests by displayName
 * and a key cannot be empty, so no YAML can name them (docs/metadata-differences.md, users.interests.displayName).
 * Export leaves them out, as the only export that validates, and says so as a warning on stderr and in the file,
 * with each one's id and how to manage it; the export still validates and plans to no changes, and an apply with
 * prune leaves them in the tenant.
 */
class KeylessInterestsCliTest {

  private static final String ADELE = "adele.vance@contoso.com";

  @TempDir Path tmp;

  @Test
  void exportWarnsAboutEachInterestItCannotNameAndTheExportStillPlansToNoChanges() throws IOException {
    Path state = Files.writeString(tmp.resolve("tenant.json"), """
        {"users": {"%s": {"interests": [
          {"id": "i-null", "displayName": null, "description": "kept"},
          {"id": "i-empty", "displayName": ""},
          {"id": "i-chess", "displayName": "Chess"}]}}}
        """.formatted(ADELE));
    Path exported = tmp.resolve("export.yaml");

    Run export = CliRunner.sandbox(state, "export", "--out", exported.toString(), "--user", ADELE);

    assertThat(export.exit()).as(export.toString()).isZero();
    String interests = "users[\"" + ADELE + "\"].interests";
    assertThat(export.err())
        .contains("warning: " + interests + " holds an item whose displayName is null (id i-null): left out, as the "
            + "YAML names items by displayName and cannot name it; plan and apply never touch it, even with prune. "
            + "Give it a displayName in Microsoft 365, or delete it (DELETE /beta/users/" + ADELE
            + "/profile/interests/i-null), to manage it.")
        .contains("warning: " + interests + " holds an item whose displayName is empty (id i-empty)");
    String yaml = Files.readString(exported);
    assertThat(yaml)
        .contains("# WARNING: " + interests + " holds an item whose displayName is null (id i-null)")
        .contains("# WARNING: " + interests + " holds an item whose displayName is empty (id i-empty)")
        .contains("Chess:");
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan + "\n" + yaml).isZero();

    // Pruning what the YAML names cannot reach what it cannot name.
    Path pruning = Files.writeString(tmp.resolve("prune.yaml"),
        "users:\n  " + ADELE + ":\n    interests: {}\nprune: [users.interests]\n");
    Run apply = CliRunner.sandbox(state, "apply", "--auto-approve", "--allow-destructive", pruning.toString());
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(Files.readString(state)).contains("i-null").contains("i-empty").doesNotContain("i-chess");
  }

  /**
   * The tenant-wide precedence setting with no value the YAML manages: the YAML's sourcePrecedence needs one (a create
   * from nothing is refused), so export leaves it out with a note, and the export still validates and plans clean.
   * Found by the generative round trip.
   */
  @Test
  void anEmptyNamelessPropertySettingIsLeftOutOfTheExport() throws IOException {
    Path state = Files.writeString(tmp.resolve("tenant.json"), """
        {"resources": {"people.profilePropertySettings": [{"id": "tenantwide"}]}}
        """);
    Path exported = tmp.resolve("export.yaml");

    Run export = CliRunner.sandbox(state, "export", "--out", exported.toString());

    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(export.err()).contains("note: people.profilePropertySettings[\"sourcePrecedence\"] left out: it holds no "
        + "value the YAML manages");
    assertThat(CliRunner.run(Map.of(), "validate", exported.toString()).exit()).isZero();
    Run plan = CliRunner.sandbox(state, "plan", "--detailed-exitcode", exported.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }
}
