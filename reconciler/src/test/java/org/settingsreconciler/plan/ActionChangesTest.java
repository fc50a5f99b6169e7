package org.settingsreconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.apply.SafetyRails;
import org.settingsreconciler.graph.GraphResult;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.render.PlanMarkdownRenderer;
import org.settingsreconciler.render.PlanTextRenderer;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.BoundAction;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.ValueKind;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties a descriptor sets by actions Graph binds to its items (block, unblock, reassign) are planned as those
 * actions, never PATCHed; and every stage after the plan (rendering, the rails, rollback) treats an action as a change
 * of its own. The descriptor here is made for the test, so the change model is held apart from any one resource.
 */
class ActionChangesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Access WRITE = Access.delegatedOnly("Test.ReadWrite.All", Access.NO_ROLE);
  private static final String BLOCKING = "everyone using it loses it";

  static final ResourceDescriptor AGENTS =
      ResourceDescriptor.builder("test.agents")
          .title("Test agent")
          .fixedIds("/test/agents", List.of("P_1"))
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.testAgent")
          .property(PropertySpec.of("isBlocked", ValueKind.BOOLEAN))
          .property(PropertySpec.of("ownerId", ValueKind.STRING))
          .property(PropertySpec.of("note", ValueKind.STRING))
          .action(BoundAction.setting("block", "isBlocked", BooleanNode.TRUE).destructiveBecause(BLOCKING))
          .action(BoundAction.passing("reassign", "ownerId", "userId"))
          .action(BoundAction.setting("unblock", "isBlocked", BooleanNode.FALSE))
          .permissions(Permissions.of(Access.delegatedOrApp("Test.Read.All", Access.NO_ROLE), WRITE)
              .withAction("block", WRITE).withAction("reassign", WRITE).withAction("unblock", WRITE))
          .schema("none")
          .build();

  private static final ResourceId ID = new ResourceId(AGENTS, null, "P_1");

  private static ObjectNode json(String s) {
    return (ObjectNode) JSON.readTree(s);
  }

  private static Plan plan(String desired, String tenant) {
    ObjectNode wanted = json(desired);
    Map<String, Location> at = new java.util.LinkedHashMap<>();
    wanted.propertyNames().forEach(n -> at.put(n, new Location("agents.yaml", 3, 7)));
    DesiredResource r = new DesiredResource(ID, wanted, new Location("agents.yaml", 2, 5), at);
    CurrentState current = new CurrentState();
    current.putObject(ID.address(), GraphResult.of(json(tenant)));
    return new Differ(org.settingsreconciler.graph.VersionChoice.EACH_RESOURCE)
        .diff(new DesiredState(List.of(r), List.of()), current);
  }

  @Test
  void aPropertyAnActionSetsIsPlannedAsThatActionAndNeverPatched() {
    Plan plan = plan("{\"isBlocked\":true,\"ownerId\":\"u2\",\"note\":\"n\"}",
        "{\"isBlocked\":false,\"ownerId\":\"u1\",\"note\":\"old\"}");

    assertThat(plan.changes()).extracting(Change::method, Change::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple("POST", "/beta/test/agents/P_1/block"),
        org.assertj.core.groups.Tuple.tuple("PATCH", "/beta/test/agents/P_1"),
        org.assertj.core.groups.Tuple.tuple("POST", "/beta/test/agents/P_1/reassign"));
    Invoke block = (Invoke) plan.changes().get(0);
    assertThat(block.body()).as("block is sent without a body").isNull();
    assertThat(block.before()).isEqualTo(json("{\"isBlocked\":false}"));
    assertThat(block.effect()).isEqualTo(json("{\"isBlocked\":true}"));
    assertThat(block.operation()).isEqualTo(Operation.action("block"));
    assertThat(plan.changes().get(1).body()).as("the PATCH carries only what no action sets")
        .isEqualTo(json("{\"note\":\"n\"}"));
    Invoke reassign = (Invoke) plan.changes().get(2);
    assertThat(reassign.body()).isEqualTo(json("{\"userId\":\"u2\"}"));
    assertThat(reassign.effect()).isEqualTo(json("{\"ownerId\":\"u2\"}"));
  }

  @Test
  void unblockingGoesLastAndAValueAlreadyHeldPlansNothing() {
    Plan plan = plan("{\"isBlocked\":false,\"ownerId\":\"u2\",\"note\":\"n\"}",
        "{\"isBlocked\":true,\"ownerId\":\"u1\",\"note\":\"old\"}");
    assertThat(plan.changes()).extracting(Change::path).containsExactly(
        "/beta/test/agents/P_1", "/beta/test/agents/P_1/reassign", "/beta/test/agents/P_1/unblock");

    Plan same = plan("{\"isBlocked\":true,\"ownerId\":\"u1\"}", "{\"isBlocked\":true,\"ownerId\":\"u1\"}");
    assertThat(same.changes()).isEmpty();
    assertThat(same.inSync()).containsExactly(ID.address());
  }

  @Test
  void blockingIsDestructiveAndUnblockingIsNot() {
    Invoke block = (Invoke) plan("{\"isBlocked\":true}", "{\"isBlocked\":false}").changes().get(0);
    Invoke unblock = (Invoke) plan("{\"isBlocked\":false}", "{\"isBlocked\":true}").changes().get(0);
    assertThat(Destructive.reason(block)).contains(BLOCKING);
    assertThat(Destructive.reason(unblock)).isEmpty();
  }

  @Test
  void everyPlanFormatShowsTheActionItsRequestAndTheValueItMoves() {
    Plan plan = plan("{\"isBlocked\":true}", "{\"isBlocked\":false}");

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PlanTextRenderer(new PrintStream(bytes, true, StandardCharsets.UTF_8)).render(plan);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
          ~ test.agents["P_1"] will be updated by the action block
              ! DESTRUCTIVE: everyone using it loses it
              POST /beta/test/agents/P_1/block
              ~ isBlocked: false -> true    # agents.yaml:3:7

        Plan: 0 to create, 0 to update, 0 to delete, 1 action (1 block), 0 unchanged.
        1 destructive change: apply needs --allow-destructive.
        """);

    String md = new PlanMarkdownRenderer("settings-reconciler plan").render(plan, "the test tenant");
    assertThat(md).contains("| create | update | delete | actions | unchanged | could not be read | destructive |")
        .contains("| 0 | 0 | 0 | 1 | 0 | 0 | 1 |")
        .contains("<summary>▶️ <b>block</b> <code>test.agents[\"P_1\"]</code> ⚠️ <b>destructive</b></summary>")
        .contains("`POST /beta/test/agents/P_1/block`")
        .contains("| `isBlocked` | `false` | `true` | `agents.yaml:3:7` |");

    JsonNode change = PlanJson.write(plan).get("changes").get(0);
    assertThat(change.get("action").asString()).isEqualTo("invoke");
    assertThat(change.get("name").asString()).isEqualTo("block");
    assertThat(change.get("method").asString()).isEqualTo("POST");
    assertThat(change.get("body").isNull()).isTrue();
    assertThat(change.get("before")).isEqualTo(json("{\"isBlocked\":false}"));
    assertThat(change.get("destructive").asString()).isEqualTo(BLOCKING);
    assertThat(PlanJson.write(plan).get("summary").get("invoke").asInt()).isEqualTo(1);
  }

  @Test
  void anActionIsRolledBackByTheActionThatSetsTheOldValueBack() {
    Invoke block = (Invoke) plan("{\"isBlocked\":true}", "{\"isBlocked\":false}").changes().get(0);
    Invoke unblock = Reversal.ofInvoke(block).orElseThrow();
    assertThat(unblock.name()).isEqualTo("unblock");
    assertThat(unblock.path()).isEqualTo("/beta/test/agents/P_1/unblock");
    assertThat(unblock.body()).isNull();
    assertThat(unblock.before()).as("what this run set").isEqualTo(json("{\"isBlocked\":true}"));
    assertThat(unblock.reason()).isEqualTo("rolls back this run's block");

    Invoke reassign = (Invoke) plan("{\"ownerId\":\"u2\"}", "{\"ownerId\":\"u1\"}").changes().get(0);
    Invoke back = Reversal.ofInvoke(reassign).orElseThrow();
    assertThat(back.path()).isEqualTo("/beta/test/agents/P_1/reassign");
    assertThat(back.body()).isEqualTo(json("{\"userId\":\"u1\"}"));
    assertThat(back.before()).isEqualTo(json("{\"ownerId\":\"u2\"}"));

    Invoke fromNobody = (Invoke) plan("{\"ownerId\":\"u2\"}", "{\"ownerId\":null}").changes().get(0);
    assertThat(Reversal.ofInvoke(fromNobody)).as("no action sets the owner to nobody").isEmpty();
  }

  @Test
  void moreBlocksThanMaxBlocksNeedForce() {
    List<Change> blocks = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      Invoke b = (Invoke) plan("{\"isBlocked\":true}", "{\"isBlocked\":false}").changes().get(0);
      blocks.add(b);
    }
    SafetyRails rails = new SafetyRails(true, SafetyRails.DEFAULT_MAX_DELETES, false);
    assertThat(rails.refusals(blocks)).singleElement().asString()
        .startsWith("the plan blocks 11 items, more than --max-blocks 10.");
    assertThat(rails.missingFlags(blocks)).containsExactly("--force");
    assertThat(new SafetyRails(true, 10, false, 11).refusals(blocks)).isEmpty();
    assertThat(new SafetyRails(true, 10, true).refusals(blocks)).isEmpty();
    assertThat(new SafetyRails(false, 10, true).missingFlags(blocks)).containsExactly("--allow-destructive");
    Invoke unblock = (Invoke) plan("{\"isBlocked\":false}", "{\"isBlocked\":true}").changes().get(0);
    assertThat(new SafetyRails(false, 10, false, 0).refusals(List.of(unblock))).as("unblocking is neither").isEmpty();
  }
}
