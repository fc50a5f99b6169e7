package org.settingsreconciler.plan;

import org.settingsreconciler.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plan made as reads arrive, in whatever order, is the plan a diff of the complete read makes. */
class DiffInProgressTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static final String YAML = """
      people:
        pronouns:
          isEnabledInOrganization: true
        itemInsights:
          isEnabledInOrganization: false
      users:
        adele@contoso.com:
          interests:
            Chelsea FC:
              categories: [Sports]
            Gardening:
              categories: [Hobbies]
        bob@contoso.com:
          interests:
            Chess: {}
        cara@contoso.com:
          interests:
            Jazz: {}
      prune: [users.interests]
      """;

  /** Every read a plan of {@link #YAML} needs, in the order a client might record them: not the desired order. */
  private static List<Runnable> reads(CurrentState into) {
    List<Runnable> reads = new ArrayList<>();
    reads.add(() -> into.putObject("people.itemInsights", GraphResult.of(json("{\"isEnabledInOrganization\":true}"))));
    reads.add(() -> into.putCollection("users[\"bob@contoso.com\"].interests", GraphResult.items(items("""
        [{"id":"1","displayName":"chess"},{"id":"2","displayName":"Poker"}]"""))));
    reads.add(() -> into.putCollection("users[\"adele@contoso.com\"].interests", GraphResult.items(items("""
        [{"id":"3","displayName":"Chelsea FC","categories":["Sports"]},{"id":"4","displayName":"Tennis"}]"""))));
    reads.add(() -> into.putObject("people.pronouns", GraphResult.of(json("{\"isEnabledInOrganization\":true}"))));
    reads.add(() -> into.putCollection("users[\"cara@contoso.com\"].interests",
        GraphResult.failed(new GraphError(403, "Forbidden", null, "no", "r-1", null))));
    return reads;
  }

  @Test
  void readsInAnyOrderGiveTheSamePlanAsACompleteRead() throws Exception {
    DesiredState desired = desired();
    CurrentState complete = new CurrentState();
    reads(complete).forEach(Runnable::run);
    Plan expected = new Differ().diff(desired, complete);

    List<List<Runnable>> orders = new ArrayList<>();
    DiffInProgress forward = new Differ().start(desired);
    CurrentState forwardState = new CurrentState(forward);
    orders.add(reads(forwardState));
    DiffInProgress backward = new Differ().start(desired);
    CurrentState backwardState = new CurrentState(backward);
    List<Runnable> reversed = reads(backwardState);
    Collections.reverse(reversed);
    orders.add(reversed);
    orders.forEach(o -> o.forEach(Runnable::run));

    for (Plan plan : List.of(forward.finish(forwardState), backward.finish(backwardState))) {
      assertThat(PlanJson.write(plan)).isEqualTo(PlanJson.write(expected));
      assertThat(plan.inSync()).containsExactlyElementsOf(expected.inSync());
      assertThat(plan.failures()).containsExactlyElementsOf(expected.failures());
    }
    assertThat(expected.changes()).extracting(Change::action).contains("create", "update", "delete");
    assertThat(expected.failures()).extracting(ReadFailure::address)
        .containsExactly("users[\"cara@contoso.com\"].interests");
  }

  @Test
  void eachUsersReadsAreComparedAndNotKept() throws Exception {
    DesiredState desired = desired();
    CurrentState complete = new CurrentState();
    reads(complete).forEach(Runnable::run);
    DiffInProgress diff = new Differ().start(desired);
    CurrentState state = new CurrentState(diff);
    reads(state).forEach(Runnable::run);

    Plan plan = diff.finish(state);

    assertThat(PlanJson.write(plan)).isEqualTo(PlanJson.write(new Differ().diff(desired, complete)));
    assertThat(state.kept()).as("the tenant's two objects; the users' three reads are dropped once compared")
        .isEqualTo(2);
    assertThat(state.object("people.pronouns")).isNotNull();
    assertThat(state.collection("users[\"bob@contoso.com\"].interests")).isNull();
  }

  @Test
  void whatWasNeverReadIsAReadFailure() throws Exception {
    DesiredState desired = desired();
    DiffInProgress diff = new Differ().start(desired);
    CurrentState state = new CurrentState(diff);
    state.putObject("people.pronouns", GraphResult.of(json("{\"isEnabledInOrganization\":true}")));

    Plan plan = diff.finish(state);

    assertThat(plan.failures()).extracting(ReadFailure::address).containsExactly(
        "people.itemInsights",
        "users[\"adele@contoso.com\"].interests",
        "users[\"bob@contoso.com\"].interests",
        "users[\"cara@contoso.com\"].interests");
    assertThat(plan.failures()).allSatisfy(f -> assertThat(f.error()).isNull());
    assertThat(plan.inSync()).containsExactly("people.pronouns");
    assertThat(plan.changes()).isEmpty();
  }

  private DesiredState desired() throws Exception {
    Path file = dir.resolve("desired.yaml");
    Files.writeString(file, YAML);
    return new DesiredStateLoader().load(List.of(file));
  }

  private static JsonNode json(String s) {
    return JSON.readTree(s);
  }

  private static List<JsonNode> items(String array) {
    List<JsonNode> out = new ArrayList<>();
    json(array).forEach(out::add);
    return out;
  }
}
