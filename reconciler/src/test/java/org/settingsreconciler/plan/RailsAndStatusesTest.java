package org.settingsreconciler.plan;

import tools.jackson.databind.JsonNode;
import org.settingsreconciler.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.apply.SafetyRails;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.EnhancedPersonalization;
import org.settingsreconciler.resource.defs.PersonInterests;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RailsAndStatusesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static ObjectNode obj(String s) {
    return (ObjectNode) JSON.readTree(s);
  }

  private static Update personalization(String body, String before) {
    ResourceId id = ResourceId.singleton(EnhancedPersonalization.DESCRIPTOR);
    return new Update(id, "/copilot/settings/people/enhancedPersonalization", obj(body), obj(before), List.of(), null);
  }

  private static Delete interestDelete(String key) {
    ResourceId id = new ResourceId(PersonInterests.DESCRIPTOR, "a@contoso.com", key);
    return new Delete(id, "/users/a@contoso.com/profile/interests/" + key, obj("{}"));
  }

  @Test
  void turningPersonalizationOffIsDestructiveButResendingItIsNot() {
    assertThat(Destructive.reason(personalization("{\"isEnabledInOrganization\":false}", "{\"isEnabledInOrganization\":true}")))
        .hasValueSatisfying(r -> assertThat(r).contains("deletes every user's personalized data"));
    assertThat(Destructive.reason(personalization(
        "{\"disabledForGroup\":null,\"isEnabledInOrganization\":false}",
        "{\"disabledForGroup\":\"x\",\"isEnabledInOrganization\":false}"))).isEmpty();
    assertThat(Destructive.reason(personalization("{\"isEnabledInOrganization\":true}", "{\"isEnabledInOrganization\":false}")))
        .isEmpty();
    assertThat(Destructive.reason(interestDelete("Chess"))).hasValue("deletes this person interest");
  }

  @Test
  void railsRefuseUntilConsentIsGiven() {
    List<Change> changes = List.of(
        personalization("{\"isEnabledInOrganization\":false}", "{\"isEnabledInOrganization\":true}"),
        interestDelete("A"), interestDelete("B"), interestDelete("C"));
    assertThat(new SafetyRails(false, 10, false).refusals(changes)).hasSize(4);
    assertThat(new SafetyRails(true, 10, false).refusals(changes)).isEmpty();
    assertThat(new SafetyRails(true, 2, false).refusals(changes))
        .singleElement().asString().contains("deletes 3 items, more than --max-deletes 2");
    assertThat(new SafetyRails(true, 2, true).refusals(changes)).isEmpty();
  }

  @Test
  void everySettingHasOneOfThreeStatesAndTargetsNarrowThem() throws Exception {
    Path file = dir.resolve("d.yaml");
    Files.writeString(file, """
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: false
          itemInsights:
            isEnabledInOrganization: true
        users:
          a@contoso.com:
            interests:
              Chess: {}
        """);
    DesiredState desired = new DesiredStateLoader().load(List.of(file));
    CurrentState current = new CurrentState();
    current.putObject("people.pronouns", GraphResult.of(obj("{\"isEnabledInOrganization\":false}")));
    current.putObject("people.namePronunciation", GraphResult.of(obj("{\"isEnabledInOrganization\":false}")));
    current.putObject("people.itemInsights",
        GraphResult.failed(new GraphError(503, "serviceNotAvailable", null, "down", "r1", null)));
    current.putCollection("users[\"a@contoso.com\"].interests", GraphResult.items(List.of(obj("{\"id\":\"1\",\"displayName\":\"chess\"}"))));
    Plan plan = new Differ().diff(desired, current);
    assertThat(plan.statuses()).extracting(SettingStatus::address, SettingStatus::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("people.pronouns", SettingStatus.State.DRIFTED),
            org.assertj.core.groups.Tuple.tuple("people.namePronunciation", SettingStatus.State.IN_SYNC),
            org.assertj.core.groups.Tuple.tuple("people.itemInsights", SettingStatus.State.UNKNOWN),
            org.assertj.core.groups.Tuple.tuple("users[\"a@contoso.com\"].interests[\"Chess\"]", SettingStatus.State.DRIFTED));

    Targets people = new Targets(List.of(Target.parse("people.pronouns"), Target.parse("people.itemInsights")));
    assertThat(people.narrow(desired).resources()).hasSize(2);
    assertThat(people.narrow(plan).statuses()).extracting(SettingStatus::address)
        .containsExactly("people.pronouns", "people.itemInsights");
    Targets user = new Targets(List.of(Target.parse("users[\"a@contoso.com\"].interests[\"Chess\"]")));
    assertThat(user.narrow(desired).collections()).hasSize(1);
    assertThat(user.narrow(plan).changes()).extracting(Change::address)
        .containsExactly("users[\"a@contoso.com\"].interests[\"Chess\"]");
  }
}
