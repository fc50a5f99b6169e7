package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.AgentsSandboxCliTest.ALEX;
import static org.settingsreconciler.e2e.AgentsSandboxCliTest.HR;
import static org.settingsreconciler.e2e.AgentsSandboxCliTest.PILOT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;

/**
 * An agent's access lists (allowedUsersAndGroups, acquireUsersAndGroups) through the CLI against the sandbox's demo
 * tenant: they are sets of users and groups, so a new order of the same entries is no change; a user or group the
 * directory lacks is an error at the entry that names it; and the agent's id matches in any letter case.
 */
class AgentAccessListsCliTest {

  @TempDir Path tmp;

  private Run cli(String... args) {
    return CliRunner.sandbox(tmp.resolve("tenant.json"), args);
  }

  private String yaml(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  private String lists(String id, String first, String second) {
    return """
        copilot:
          agents:
            %s:
              allowedUsersAndGroups:
                - %s
                - %s
              acquireUsersAndGroups:
                - %s
                - %s
        """.formatted(id, first, second, first, second);
  }

  @Test
  void theSameEntriesInAnotherOrderAreNoChange() throws Exception {
    String applied = yaml("applied.yaml", lists(HR, "{group: Copilot Pilot}", "{user: alex.wilber@contoso.com}"));
    Run apply = cli("apply", applied, "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();

    Run byName = cli("plan", yaml("reordered.yaml",
        lists(HR, "{user: alex.wilber@contoso.com}", "{group: Copilot Pilot}")), "--detailed-exitcode");
    Run byId = cli("plan", yaml("ids.yaml", lists(HR,
        "{resourceType: user, resourceId: " + ALEX.toUpperCase(Locale.ROOT) + "}",
        "{resourceType: group, resourceId: " + PILOT + "}")), "--detailed-exitcode");

    assertThat(byName.exit()).as(byName.toString()).isZero();
    assertThat(byName.out()).contains("No changes");
    assertThat(byId.exit()).as(byId.toString()).isZero();
  }

  @Test
  void anUnknownUserOrGroupIsAnErrorAtItsEntry() throws Exception {
    String file = yaml("unknown.yaml", """
        copilot:
          agents:
            %s:
              allowedUsersAndGroups:
                - {group: Copilot Pilot}
                - {user: nobody@contoso.com}
              acquireUsersAndGroups:
                - {group: No Such Group}
        """.formatted(HR));

    Run plan = cli("plan", file);

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err())
        .contains(file + ":6:11: copilot.agents[\"" + HR + "\"].allowedUsersAndGroups[1]: no Entra user has the "
            + "principal name \"nobody@contoso.com\"")
        .contains(file + ":8:11: copilot.agents[\"" + HR + "\"].acquireUsersAndGroups[0]: no Entra group is named "
            + "\"No Such Group\"");
  }

  @Test
  void anAgentIdInAnotherLetterCaseIsTheSameAgent() throws Exception {
    String lower = HR.toLowerCase(Locale.ROOT);
    String desired = yaml("lower.yaml", lists(lower, "{group: Copilot Pilot}", "{user: alex.wilber@contoso.com}"));

    Run plan = cli("plan", desired, "--format", "json");
    Run apply = cli("apply", desired, "--auto-approve");
    Run again = cli("plan", desired, "--detailed-exitcode");

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("/beta/copilot/admin/catalog/packages/" + HR + "\"");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(again.exit()).as(again.toString()).isZero();
  }
}
