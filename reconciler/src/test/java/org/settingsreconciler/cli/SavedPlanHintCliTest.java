package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.InProcessCli;

/** The command plan --out suggests for applying the saved plan works as printed: it names the Graph the plan needs. */
class SavedPlanHintCliTest {

  private static final Pattern HINT = Pattern.compile("apply it with: (.*)\n");

  @Test
  void theSuggestedApplyCommandAppliesThePlan(@TempDir Path dir) throws IOException {
    // The sandbox's demo tenant has pronouns off.
    Files.writeString(dir.resolve("people.yaml"), "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Path state = dir.resolve("tenant.json");
    Path plan = dir.resolve("p3.plan");
    InProcessCli.Result planned = InProcessCli.run(Map.of(), "plan", dir.resolve("people.yaml").toString(),
        "--sandbox", "--sandbox-state", state.toString(), "--out", plan.toString());
    assertThat(planned.exit()).as(planned.err()).isZero();
    Matcher hint = HINT.matcher(planned.err());
    assertThat(hint.find()).as(planned.err()).isTrue();
    assertThat(hint.group(1)).isEqualTo("reconciler apply --plan " + plan + " --sandbox --sandbox-state " + state);

    String[] words = hint.group(1).split(" ");
    InProcessCli.Result applied = InProcessCli.run(Map.of(), Arrays.copyOfRange(words, 1, words.length));
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("Apply complete: 1 applied, 0 failed.");
  }

  @Test
  void theSuggestedCommandNamesTheGraphUrlTenantAndCloudGiven(@TempDir Path dir) throws IOException {
    String url = "http://127.0.0.1:1/v1.0";
    RunScope scope = new RunScope(null, null, new org.settingsreconciler.run.GraphTarget(url,
        org.settingsreconciler.auth.AuthMethod.AZURE_CLI, "contoso.onmicrosoft.com",
        org.settingsreconciler.auth.Cloud.usgov, false, null, java.util.List.of(),
        new org.settingsreconciler.graph.Throughput(20, 4)), null);
    assertThat(PlanCommand.applyCommand(dir.resolve("my plan"), scope)).isEqualTo("reconciler apply --plan '"
        + dir.resolve("my plan") + "' --graph-url " + url + " --tenant contoso.onmicrosoft.com --cloud usgov "
        + "--auth azure-cli");
  }
}
