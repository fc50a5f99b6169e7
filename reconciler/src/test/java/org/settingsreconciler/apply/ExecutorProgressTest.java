package org.settingsreconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Update;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.sandbox.FaultSpec;
import org.settingsreconciler.sandbox.GraphSandbox;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The count a long apply's progress is told: every answer as it comes, not in plan order, where one slow change
 * would hold back the news of all those after it.
 */
class ExecutorProgressTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GraphSandbox sandbox;
  private GraphClient client;

  @BeforeEach
  void start() throws Exception {
    sandbox = GraphSandbox.start(0, null, null);
    client = new GraphClient(sandbox.baseUrl(), () -> "t", new Throughput(1, 8));
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static Update toggleOff(ResourceDescriptor d, String path) {
    ObjectNode body = JSON.createObjectNode().put("isEnabledInOrganization", false);
    ObjectNode before = JSON.createObjectNode().put("isEnabledInOrganization", true);
    return new Update(new ResourceId(d, null, null), path, body, before, List.of(), null);
  }

  @Test
  void answersAreCountedAsTheyComeWhileThePlanOrderWaitsForTheSlowFirstOne() {
    sandbox.injectFault(FaultSpec.parse("PATCH /admin/people/namePronunciation=timeout:delay=0.5"));
    List<Change> changes = List.of(
        toggleOff(PeopleToggles.NAME_PRONUNCIATION, "/beta/admin/people/namePronunciation"),
        toggleOff(PeopleToggles.PRONOUNS, "/v1.0/admin/people/pronouns"),
        toggleOff(PeopleToggles.ITEM_INSIGHTS, "/v1.0/admin/people/itemInsights"));
    List<Integer> heardInPlanOrderAt = new ArrayList<>();
    List<Integer> known = new ArrayList<>();

    List<ChangeOutcome> outcomes =
        new Executor(client).run(changes, o -> heardInPlanOrderAt.add(known.size()), known::add);

    assertThat(outcomes).allMatch(o -> o.status() == ChangeOutcome.Status.APPLIED);
    assertThat(known).containsExactly(1, 2, 3);
    assertThat(heardInPlanOrderAt).as("plan order waited for the slow first change, answered last")
        .containsExactly(3, 3, 3);
  }

  @Test
  void aChangeNotSentBecauseTheOneBeforeItFailedCountsAsKnownAtOnce() {
    sandbox.injectFault(FaultSpec.parse("PATCH /admin/people/pronouns=400"));
    Update first = toggleOff(PeopleToggles.PRONOUNS, "/v1.0/admin/people/pronouns");
    List<Integer> known = new ArrayList<>();

    List<ChangeOutcome> outcomes = new Executor(client).run(List.of(first, first), o -> { }, known::add);

    assertThat(outcomes).extracting(ChangeOutcome::status)
        .containsExactly(ChangeOutcome.Status.FAILED, ChangeOutcome.Status.NOT_ATTEMPTED);
    assertThat(known).containsExactly(1, 2);
  }
}
