package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.InProcessCli;

/**
 * check speaks of drift, not of a plan: how the tenant differs from the YAML and whether it does, in text and in
 * Markdown, with the exit codes it always had (0 no drift, 2 drift).
 */
class CheckWordingCliTest {

  private static final String EXAMPLES = Path.of("..", "examples").toString();

  @Test
  void driftIsWordedAsTheTenantDifferingFromTheYaml() {
    InProcessCli.Result check = InProcessCli.run(Map.of(), "check", EXAMPLES, "--sandbox");
    assertThat(check.exit()).isEqualTo(2);
    assertThat(check.out()).startsWith("Checked against the sandbox tenant ")
        .contains("  ~ users[\"megan.bowen@contoso.com\"].settings.itemInsights differs from the YAML\n")
        .contains("  + people.profileCardProperties[\"CustomAttribute2\"] is in the YAML, not in the tenant\n")
        .contains("Drift: 14 settings differ from the YAML:\n  ")
        .contains("\nApply would change the tenant back: 4 to create, 9 to update, 0 to delete, ")
        .doesNotContain("will be updated").doesNotContain("Plan:").doesNotContain("Planned against");
  }

  @Test
  void driftInMarkdownIsWordedAsDriftToo() {
    InProcessCli.Result check = InProcessCli.run(Map.of(), "check", EXAMPLES, "--sandbox", "--format", "markdown");
    assertThat(check.exit()).isEqualTo(2);
    assertThat(check.out()).contains("🔸 **Drift: 14 of ").contains(" settings differ** from the YAML.")
        .contains("### Drift (14)").doesNotContain("### Changes");
  }

  @Test
  void noDriftSaysSoAndExitsZero(@TempDir Path dir) {
    String state = dir.resolve("tenant.json").toString();
    InProcessCli.Result apply =
        InProcessCli.run(Map.of(), "apply", EXAMPLES, "--sandbox", "--sandbox-state", state, "--auto-approve");
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    InProcessCli.Result check = InProcessCli.run(Map.of(), "check", EXAMPLES, "--sandbox", "--sandbox-state", state);
    assertThat(check.exit()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).matches("No drift: the tenant matches the YAML \\(\\d+ settings checked\\)\\.\\n");
    InProcessCli.Result markdown =
        InProcessCli.run(Map.of(), "check", EXAMPLES, "--sandbox", "--sandbox-state", state, "--format", "markdown");
    assertThat(markdown.out()).containsPattern("✅ \\*\\*No drift\\.\\*\\* The tenant matches the YAML \\(\\d+ "
        + "settings checked\\)\\.");
  }
}
