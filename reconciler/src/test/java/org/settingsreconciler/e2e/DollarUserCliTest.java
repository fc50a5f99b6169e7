package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

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
}
