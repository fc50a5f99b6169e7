package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user whose principal name begins with {@code $}: Graph answers {@code /users/$svc@contoso.com} 400 and asks for
 * {@code /users('$svc@contoso.com')} (user-get.md, "HTTP request"), and so does the sandbox. Plan, apply and plan
 * again, through the CLI.
 */
class DollarUserCliTest {

  @TempDir Path dir;

  @Test
  void aUserWhoseNameBeginsWithADollarIsAddressedInParentheses() throws Exception {
    Path state = Files.writeString(dir.resolve("tenant.json"), """
        {"users": {"$svc@contoso.com": {"id": "5b7c9e1a-3d2f-4a6b-8c0d-1e2f3a4b5c6d", "displayName": "Service",
          "interests": []}}}
        """);
    Path yaml = Files.writeString(dir.resolve("users.yaml"), """
        users:
          $svc@contoso.com:
            interests:
              Automation:
                categories: [Operations]
        """);

    Run plan = CliRunner.run(Map.of(), "plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("+ users[\"$svc@contoso.com\"].interests[\"Automation\"]")
        .contains("POST /beta/users('$svc@contoso.com')/profile/interests");

    Run apply = CliRunner.run(Map.of(), "apply", yaml.toString(), "--sandbox", "--sandbox-state", state.toString(),
        "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(Files.readString(state)).contains("\"displayName\" : \"Automation\"");

    Run again = CliRunner.run(Map.of(), "plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString());
    assertThat(again.out()).as(again.toString()).contains("No changes");
  }

  @Test
  void aPlanSavedWithTheOldPathOfSuchAUserIsRefusedAndSaysWhy() throws Exception {
    Path state = Files.writeString(dir.resolve("tenant.json"), """
        {"users": {"$svc@contoso.com": {"id": "5b7c9e1a-3d2f-4a6b-8c0d-1e2f3a4b5c6d", "displayName": "Service",
          "interests": []}}}
        """);
    Path yaml = Files.writeString(dir.resolve("users.yaml"),
        "users:\n  $svc@contoso.com:\n    interests:\n      Automation:\n        categories: [Operations]\n");
    Path saved = dir.resolve("plan.json");
    Run plan = CliRunner.run(Map.of(), "plan", yaml.toString(), "--sandbox", "--sandbox-state", state.toString(),
        "--out", saved.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    // As a version before /users('$...') wrote it.
    ObjectNode doc = (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
    ObjectNode change = (ObjectNode) doc.get("changes").get(0);
    change.put("path", change.get("path").asString().replace("/users('$svc@contoso.com')", "/users/%24svc@contoso.com"));
    Files.writeString(saved, SavedPlanEdits.reseal(doc).toString());

    Run apply = CliRunner.run(Map.of(), "apply", "--plan", saved.toString(), "--sandbox", "--sandbox-state",
        state.toString());

    assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("is how earlier versions of this tool addressed a user whose name begins with $",
        "it asks for /users('$svc@contoso.com')", "plan again");
    assertThat(Files.readString(state)).doesNotContain("Automation");
  }
}
