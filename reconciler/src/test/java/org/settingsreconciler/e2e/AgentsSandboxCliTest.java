package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.CliRunner.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Copilot agent catalog as a new user meets it, through the CLI against the sandbox's demo tenant (four agents:
 * the Contoso HR Agent, the Diligent uploader and the Sales Pipeline Coach unblocked, Northwind blocked): blocking one,
 * the allow-list and its rails, names for users and groups, saved plans, rollback and export. The sandbox state file
 * shows what was really written.
 */
class AgentsSandboxCliTest {

  static final String HR = "P_7c4d1e2a-9b3f-4e6d-8a1c-2f5b9d0e3a71";
  static final String DILIGENT = "P_2b8e5f1c-4a7d-4c9e-b3f2-6d1a8e0c5b94";
  static final String NORTHWIND = "P_5f1b9c3e-7a2d-4b6f-9e8c-1d4a7f0b3c25";
  static final String COACH = "P_9e3a6d2f-1c5b-4f8a-a7e4-3b0d6c9f2e18";
  static final String ADELE = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
  static final String MEGAN = "48d31887-5fad-4d73-a9f5-3c356e68a038";
  static final String ALEX = "9a1b7f4c-2d3e-4f5a-8b6c-1d2e3f4a5b6c";
  static final String PILOT = "edbfe4fb-ec70-4300-928f-dbb2ae86c981";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  private Run cli(String... args) {
    return CliRunner.sandbox(tmp.resolve("tenant.json"), args);
  }

  private String yaml(String name, String text) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  /** An agent as the sandbox state file holds it. */
  private JsonNode agent(String id) throws Exception {
    for (JsonNode a : JSON.readTree(Files.readString(tmp.resolve("tenant.json"))).at("/resources/copilot.agents")) {
      if (a.path("id").asString().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no agent " + id);
  }

  @Test
  void anAgentListedAsBlockedIsBlockedOnlyWithAllowDestructive() throws Exception {
    String block = yaml("block.yaml", "copilot:\n  agents:\n    " + DILIGENT + ":\n      isBlocked: true\n");

    Run plan = cli("plan", block, "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
    assertThat(plan.out())
        .contains("  ~ copilot.agents[\"" + DILIGENT + "\"] will be updated by the action block\n"
            + "      # displayName \"Diligent Teams Document Uploader\", publisher \"Diligent Corporation\"\n"
            + "      ! DESTRUCTIVE: blocks the agent for the whole organization: everyone using it loses it\n"
            + "      POST /beta/copilot/admin/catalog/packages/" + DILIGENT + "/block\n"
            + "      ~ isBlocked: false -> true")
        .contains("Plan: 0 to create, 0 to update, 0 to delete, 1 action (1 block), 0 unchanged.");

    Run refused = cli("apply", block, "--auto-approve");
    assertThat(refused.exit()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("copilot.agents[\"" + DILIGENT + "\"] is destructive: blocks the agent");
    assertThat(agent(DILIGENT).get("isBlocked").asBoolean()).as("nothing was sent").isFalse();

    Run applied = cli("apply", block, "--auto-approve", "--allow-destructive");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(applied.out()).contains("  applied  copilot.agents[\"" + DILIGENT + "\"]    POST /beta/copilot/admin/"
        + "catalog/packages/" + DILIGENT + "/block");
    assertThat(agent(DILIGENT).get("isBlocked").asBoolean()).isTrue();
    assertThat(cli("plan", block, "--detailed-exitcode").exit()).as("the second plan is empty").isZero();

    // Unblocking takes nothing from anyone: no consent needed.
    String unblock = yaml("unblock.yaml", "copilot:\n  agents:\n    " + DILIGENT + ":\n      isBlocked: false\n");
    Run back = cli("apply", unblock, "--auto-approve");
    assertThat(back.exit()).as(back.toString()).isZero();
    assertThat(agent(DILIGENT).get("isBlocked").asBoolean()).isFalse();
  }

  @Test
  void theAllowListBlocksEveryUnlistedAgentDeletesNoneAndHasARailOfItsOwn() throws Exception {
    String allow = yaml("allow.yaml", "copilot:\n  agents:\n    " + HR + ": {}\n  agentsNotListed: block\n");

    Run plan = cli("plan", allow);
    assertThat(plan.out()).as(plan.toString())
        .contains("copilot.agents[\"" + DILIGENT + "\"] will be updated by the action block (not listed in the YAML, "
            + "and copilot.agentsNotListed is block)")
        .contains("copilot.agents[\"" + COACH + "\"] will be updated by the action block")
        .doesNotContain("copilot.agents[\"" + NORTHWIND + "\"] will") // blocked already
        .contains("Plan: 0 to create, 0 to update, 0 to delete, 2 actions (2 block), 2 unchanged.");

    Run railed = cli("apply", allow, "--auto-approve", "--allow-destructive", "--max-blocks", "1");
    assertThat(railed.exit()).as(railed.toString()).isEqualTo(1);
    assertThat(railed.err()).contains("the plan blocks 2 items, more than --max-blocks 1.");
    assertThat(agent(DILIGENT).get("isBlocked").asBoolean()).isFalse();

    Run applied = cli("apply", allow, "--auto-approve", "--allow-destructive");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(JSON.readTree(Files.readString(tmp.resolve("tenant.json"))).at("/resources/copilot.agents"))
        .as("no agent deleted").hasSize(4);
    assertThat(agent(DILIGENT).get("isBlocked").asBoolean()).isTrue();
    assertThat(agent(COACH).get("isBlocked").asBoolean()).isTrue();
    assertThat(agent(HR).get("isBlocked").asBoolean()).isFalse();
    assertThat(cli("plan", allow, "--detailed-exitcode").exit()).isZero();
  }

  @Test
  void anAllowListWithoutItsListIsAnErrorNotABlockOfEverything() throws Exception {
    Run r = cli("plan", yaml("switch.yaml", "copilot:\n  agentsNotListed: block\n"));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("switch.yaml:2:20: copilot.agentsNotListed: block is sent to every item "
        + "copilot.agents does not list, but no file sets copilot.agents; to block every one, set it to {} explicitly");
  }

  @Test
  void usersAndGroupsByNameOwnerByPrincipalNameAndTheRequestsTheyBecome() throws Exception {
    String desired = yaml("owner.yaml", """
        copilot:
          agents:
            %s:
              ownerId: {user: MEGAN.BOWEN@contoso.com}
              allowedUsersAndGroups:
                - {group: copilot pilot}
                - {user: alex.wilber@contoso.com}
        """.formatted(HR));

    Run plan = cli("plan", desired, "--format", "json");
    assertThat(plan.exit()).as(plan.toString()).isZero();
    JsonNode changes = JSON.readTree(plan.out()).get("changes");
    assertThat(changes).hasSize(2);
    assertThat(changes.get(0).get("method").asString()).isEqualTo("PATCH");
    assertThat(changes.get(0).at("/body/allowedUsersAndGroups")).isEqualTo(JSON.readTree(
        "[{\"resourceType\":\"group\",\"resourceId\":\"" + PILOT + "\"},"
            + "{\"resourceType\":\"user\",\"resourceId\":\"" + ALEX + "\"}]"));
    assertThat(changes.get(0).at("/properties/0/names")).isEqualTo(JSON.readTree(
        "[{\"group\":\"copilot pilot\",\"id\":\"" + PILOT + "\"},"
            + "{\"user\":\"alex.wilber@contoso.com\",\"id\":\"" + ALEX + "\"}]"));
    assertThat(changes.get(0).at("/describedBy")).isEqualTo(JSON.readTree(
        "{\"displayName\":\"Contoso HR Agent\",\"publisher\":\"Contoso\"}"));
    JsonNode reassign = changes.get(1);
    assertThat(reassign.get("action").asString()).isEqualTo("invoke");
    assertThat(reassign.get("name").asString()).isEqualTo("reassign");
    assertThat(reassign.get("path").asString()).isEqualTo("/beta/copilot/admin/catalog/packages/" + HR + "/reassign");
    assertThat(reassign.get("body")).isEqualTo(JSON.readTree("{\"userId\":\"" + MEGAN + "\"}"));
    assertThat(reassign.get("before")).isEqualTo(JSON.readTree("{\"ownerId\":\"" + ADELE + "\"}"));
    assertThat(reassign.at("/properties/0/user").asString()).isEqualTo("MEGAN.BOWEN@contoso.com");

    Run apply = cli("apply", desired, "--auto-approve");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(agent(HR).get("ownerId").asString()).isEqualTo(MEGAN);
    assertThat(cli("plan", desired, "--detailed-exitcode").exit()).isZero();

    Run unknown = cli("plan", yaml("nobody.yaml",
        "copilot:\n  agents:\n    " + HR + ":\n      ownerId: {user: nobody@contoso.com}\n"));
    assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(1);
    assertThat(unknown.err())
        .contains("nobody.yaml:4:16: copilot.agents[\"" + HR + "\"].ownerId: no Entra user has the principal name "
            + "\"nobody@contoso.com\"")
        .contains("1 user principal name could not be resolved");
  }

  @Test
  void anIdTheCatalogLacksIsAnErrorThatSaysWhy() throws Exception {
    Run r = cli("plan", yaml("typo.yaml", "copilot:\n  agents:\n    P_nope:\n      isBlocked: true\n"));
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("! copilot.agents[\"P_nope\"] could not be read:")
        .contains("Graph found no such agent: the catalog has no package with this id");
  }

  @Test
  void aSavedPlanOfActionsIsAppliedAsReviewedAndRefusedOnceTheTenantMovedOn() throws Exception {
    String block = yaml("block.yaml", "copilot:\n  agents:\n    " + COACH + ":\n      isBlocked: true\n");
    Path saved = tmp.resolve("plan.json");
    assertThat(cli("plan", block, "--out", saved.toString()).exit()).isZero();
    JsonNode change = JSON.readTree(Files.readString(saved)).get("changes").get(0);
    assertThat(change.get("action").asString()).isEqualTo("invoke");
    assertThat(change.get("name").asString()).isEqualTo("block");
    assertThat(change.get("body").isNull()).isTrue();

    // Someone blocks it by hand meanwhile: the plan was made for an agent that is no longer unblocked.
    cli("apply", block, "--auto-approve", "--allow-destructive");
    Run stale = cli("apply", "--plan", saved.toString(), "--allow-destructive");
    assertThat(stale.exit()).as(stale.toString()).isEqualTo(1);
    assertThat(stale.err()).contains("copilot.agents[\"" + COACH + "\"].isBlocked: was false when planned, is true now");

    cli("apply", yaml("unblock.yaml", "copilot:\n  agents:\n    " + COACH + ":\n      isBlocked: false\n"),
        "--auto-approve");
    Run applied = cli("apply", "--plan", saved.toString(), "--allow-destructive");
    assertThat(applied.exit()).as(applied.toString()).isZero();
    assertThat(agent(COACH).get("isBlocked").asBoolean()).isTrue();
  }

  @Test
  void aSavedPlanWhoseActionWasEditedIsRefused() throws Exception {
    String block = yaml("block.yaml", "copilot:\n  agents:\n    " + COACH + ":\n      isBlocked: true\n");
    Path saved = tmp.resolve("plan.json");
    cli("plan", block, "--out", saved.toString());
    ObjectNode plan = (ObjectNode) JSON.readTree(Files.readString(saved));
    ((ObjectNode) plan.get("changes").get(0)).put("name", "delete");
    Files.writeString(saved, JSON.writeValueAsString(plan));

    Run edited = cli("apply", "--plan", saved.toString(), "--allow-destructive");
    assertThat(edited.exit()).as(edited.toString()).isEqualTo(1);
    assertThat(edited.err()).contains("the plan file was changed after it was saved");
    assertThat(tmp.resolve("tenant.json")).as("nothing was applied, so the sandbox state was never written")
        .doesNotExist();
  }

  @Test
  void aFailureLaterInTheRunRollsABlockBackByUnblocking() throws Exception {
    String desired = yaml("both.yaml", """
        copilot:
          agents:
            %s:
              isBlocked: true
        people:
          pronouns:
            isEnabledInOrganization: true
        """.formatted(DILIGENT));

    Run r = cli("apply", desired, "--auto-approve", "--allow-destructive", "--rollback-on-failure",
        "--sandbox-fault", "PATCH /admin/people/pronouns=500");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("undone by POST /beta/copilot/admin/catalog/packages/" + DILIGENT + "/unblock");
    assertThat(agent(DILIGENT).get("isBlocked").asBoolean()).isFalse();
  }

  @Test
  void exportWritesEveryAgentWithItsNameAndRoundTripsToNoChanges() throws Exception {
    Path out = tmp.resolve("export.yaml");
    Run export = cli("export", "--group-names", "--out", out.toString());
    assertThat(export.exit()).as(export.toString()).isZero();
    String yaml = Files.readString(out);
    assertThat(yaml)
        .contains("  agents:\n"
            + "    # displayName \"Contoso HR Agent\", publisher \"Contoso\"\n"
            + "    " + HR + ":\n"
            + "      isBlocked: false\n"
            + "      ownerId: " + ADELE + "\n"
            + "      allowedUsersAndGroups:\n"
            + "        - group: Copilot Pilot\n")
        .contains("    # displayName \"Northwind Traders Account Lookup\", publisher \"Northwind Traders\"\n"
            + "    " + NORTHWIND + ":\n"
            + "      isBlocked: true\n")
        .doesNotContain("agentsNotListed");

    Run plan = cli("plan", out.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.toString()).isZero();
  }
}
