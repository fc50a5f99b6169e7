package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Update;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A read-back judges what the tenant shows the way plans compare, so what Graph does on its own is no lag. */
class ReadbackTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String HR =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";
  private static final String SETTINGS = "/v1.0/admin/people/profilePropertySettings";
  private static final ResourceId SKILLS = new ResourceId(ProfilePropertySettings.DESCRIPTOR, null, "skills");

  private static ObjectNode json(String s) {
    return (ObjectNode) JSON.readTree(s);
  }

  private static CurrentState settings(String... items) {
    CurrentState s = new CurrentState();
    s.putCollection("people.profilePropertySettings",
        GraphResult.items(List.of(items).stream().map(i -> (JsonNode) json(i)).toList()));
    return s;
  }

  @Test
  void aCreatedListWithTheEntraSourceAppendedByGraphIsShown() {
    Create create = new Create(SKILLS, SETTINGS, json("{\"name\":\"skills\",\"prioritizedSourceUrls\":[\"" + HR
        + "\"]}"), List.of());

    Readback r = Readback.of(create, settings("{\"id\":\"pps-7\",\"name\":\"Skills\",\"prioritizedSourceUrls\":[\""
        + HR + "\",\"" + ProfilePropertySettings.ENTRA_SOURCE_URL + "\"]}"), false);

    assertThat(r.seen()).isEqualTo(Readback.Seen.YES);
    assertThat(r.item().get("id").asString()).isEqualTo("pps-7");
  }

  @Test
  void aResetWhoseItemWasThenDeletedByTheRunIsShownNotMissing() {
    Update reset = new Update(SKILLS, SETTINGS + "/pps-7", json("{\"prioritizedSourceUrls\":[\""
        + ProfilePropertySettings.ENTRA_SOURCE_URL + "\"]}"), json("{\"prioritizedSourceUrls\":[]}"), List.of(), null);

    assertThat(Readback.of(reset, settings(), true).seen()).isEqualTo(Readback.Seen.YES);
    Readback alone = Readback.of(reset, settings(), false);
    assertThat(alone.seen()).isEqualTo(Readback.Seen.NO);
    assertThat(alone.detail()).isEqualTo("the tenant no longer has the item at " + SETTINGS + "/pps-7");
  }

  @Test
  void aDeletedItemMustBeGone() {
    Delete delete = new Delete(SKILLS, SETTINGS + "/pps-7", json("{\"id\":\"pps-7\",\"name\":\"skills\"}"));

    assertThat(Readback.of(delete, settings(), false).seen()).isEqualTo(Readback.Seen.YES);
    assertThat(Readback.of(delete, settings("{\"id\":\"pps-7\",\"name\":\"skills\"}"), false).detail())
        .isEqualTo("the tenant still has it");
    assertThat(Readback.of(delete, settings("{\"id\":\"pps-8\",\"name\":\"skills\"}"), false).seen())
        .as("another item of the same name is not the one deleted").isEqualTo(Readback.Seen.YES);
  }

  @Test
  void aReadThatFailedTellsNothing() {
    ResourceId pronouns = ResourceId.singleton(PeopleToggles.PRONOUNS);
    Update update = new Update(pronouns, "/admin/people/pronouns", json("{\"isEnabledInOrganization\":true}"),
        json("{\"isEnabledInOrganization\":false}"), List.of(), null);
    CurrentState s = new CurrentState();
    GraphError e = new GraphError(503, "serviceNotAvailable", null, "down", "req-1", null);
    s.putObject("people.pronouns", GraphResult.failed(e));

    Readback r = Readback.of(update, s, false);

    assertThat(r.seen()).isEqualTo(Readback.Seen.UNKNOWN);
    assertThat(r.error()).isEqualTo(e);
  }
}
