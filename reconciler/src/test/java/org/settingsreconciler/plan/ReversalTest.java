package org.settingsreconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.EnhancedPersonalization;
import org.settingsreconciler.resource.defs.LimitedMode;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.resource.defs.PersonInterests;
import org.settingsreconciler.resource.defs.ProfileCardProperties;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The changes that undo an applied change put back exactly the values it replaced, in requests Graph accepts. */
class ReversalTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String GROUP = "4c563cdf-0efa-44c5-a384-dbf57db277df";
  private static final String HR =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";

  private static ObjectNode json(String s) {
    return (ObjectNode) JSON.readTree(s);
  }

  private static Update update(ResourceId id, String path, String body, String before) {
    return new Update(id, path, json(body), json(before), List.of(), null);
  }

  @Test
  void anUpdateIsPatchedBackPropertyByProperty() {
    ResourceId id = ResourceId.singleton(PeopleToggles.ITEM_INSIGHTS);
    Update applied = update(id, "/admin/people/itemInsights", "{\"disabledForGroup\":\"" + GROUP + "\"}",
        "{\"disabledForGroup\":null}");

    Update undo = Reversal.ofUpdate(applied, json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP
        + "\"}"));

    assertThat(undo.path()).isEqualTo("/admin/people/itemInsights");
    assertThat(undo.body()).isEqualTo(json("{\"disabledForGroup\":null}"));
    assertThat(undo.before()).as("what this run wrote").isEqualTo(json("{\"disabledForGroup\":\"" + GROUP + "\"}"));
    assertThat(undo.reason()).isEqualTo("rolls back this run's update");
  }

  @Test
  void aPropertyRequiredInEveryPatchGoesBackToo() {
    ResourceId id = ResourceId.singleton(EnhancedPersonalization.DESCRIPTOR);
    Update applied = update(id, "/copilot/settings/people/enhancedPersonalization",
        "{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP + "\"}",
        "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");

    Update undo = Reversal.ofUpdate(applied, null);

    assertThat(undo.body()).isEqualTo(json("{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}"));
    assertThat(Destructive.reason(undo)).as("the required property is resent unchanged").isEmpty();
  }

  @Test
  void undoingTurningEnhancedPersonalizationOnIsDestructive() {
    ResourceId id = ResourceId.singleton(EnhancedPersonalization.DESCRIPTOR);
    Update applied = update(id, "/copilot/settings/people/enhancedPersonalization",
        "{\"isEnabledInOrganization\":true}", "{\"isEnabledInOrganization\":false}");

    Update undo = Reversal.ofUpdate(applied, json("{\"isEnabledInOrganization\":true}"));

    assertThat(undo.body()).isEqualTo(json("{\"isEnabledInOrganization\":false}"));
    assertThat(Destructive.reason(undo)).isPresent();
  }

  @Test
  void limitedModeTurnedBackOnCarriesTheTenantsGroup() {
    ResourceId id = ResourceId.singleton(LimitedMode.DESCRIPTOR);
    Update applied = update(id, "/v1.0/copilot/admin/settings/limitedMode", "{\"isEnabledForGroup\":false}",
        "{\"isEnabledForGroup\":true}");

    Update undo = Reversal.ofUpdate(applied, json("{\"isEnabledForGroup\":false,\"groupId\":\"" + GROUP + "\"}"));

    assertThat(undo.body()).isEqualTo(json("{\"isEnabledForGroup\":true,\"groupId\":\"" + GROUP + "\"}"));
  }

  @Test
  void aCreatedInterestIsDeletedByItsNewId() {
    ResourceId id = new ResourceId(PersonInterests.DESCRIPTOR, "adele@contoso.com", "Hiking");
    Create applied = new Create(id, id.basePath(GraphVersion.BETA), json("{\"displayName\":\"Hiking\"}"), List.of());

    List<Change> undo = Reversal.ofCreate(applied, json("{\"id\":\"int-new\",\"displayName\":\"Hiking\"}"));

    assertThat(undo).singleElement().isInstanceOf(Delete.class);
    assertThat(undo.get(0).path()).isEqualTo("/beta/users/adele@contoso.com/profile/interests/int-new");
  }

  @Test
  void aCreatedProfilePropertySettingIsResetThenDeletedAsGraphRequires() {
    ResourceId id = new ResourceId(ProfilePropertySettings.DESCRIPTOR, null, "skills");
    Create applied = new Create(id, id.basePath(GraphVersion.V1_0),
        json("{\"name\":\"skills\",\"prioritizedSourceUrls\":[\"" + HR + "\"]}"), List.of());
    JsonNode created = json("{\"id\":\"pps-7\",\"name\":\"skills\",\"prioritizedSourceUrls\":[\"" + HR + "\",\""
        + ProfilePropertySettings.ENTRA_SOURCE_URL + "\"]}");

    List<Change> undo = Reversal.ofCreate(applied, created);

    assertThat(undo).extracting(Change::method).containsExactly("PATCH", "DELETE");
    assertThat(undo).extracting(Change::path).containsOnly("/v1.0/admin/people/profilePropertySettings/pps-7");
    assertThat(undo.get(0).body()).isEqualTo(
        json("{\"prioritizedSourceUrls\":[\"" + ProfilePropertySettings.ENTRA_SOURCE_URL + "\"]}"));
  }

  @Test
  void aCreatedSourcePrecedenceIsOnlyResetSinceGraphNeverDeletesIt() {
    ResourceId id = new ResourceId(ProfilePropertySettings.DESCRIPTOR, null, ProfilePropertySettings.SOURCE_PRECEDENCE);
    Create applied = new Create(id, id.basePath(GraphVersion.V1_0), json("{\"prioritizedSourceUrls\":[\"" + HR + "\"]}"),
        List.of());

    List<Change> undo = Reversal.ofCreate(applied, json("{\"id\":\"pps-1\",\"prioritizedSourceUrls\":[\"" + HR
        + "\"]}"));

    assertThat(undo).singleElement().isInstanceOf(Update.class);
    assertThat(((Update) undo.get(0)).reason()).contains("Graph never deletes this item, so it is reset instead");
  }

  @Test
  void aDeletedItemIsCreatedAgainFromItsKeyAndManagedValues() {
    ResourceId id = new ResourceId(PersonInterests.DESCRIPTOR, "adele@contoso.com", "Knitting");
    Delete applied = new Delete(id, id.basePath(GraphVersion.BETA) + "/int-9", json("{\"id\":\"int-9\",\"displayName\":\"Knitting\","
        + "\"categories\":[\"Crafts\"],\"webUrl\":null}"));

    Create undo = Reversal.ofDelete(applied);

    assertThat(undo.method()).isEqualTo("POST");
    assertThat(undo.path()).isEqualTo("/beta/users/adele@contoso.com/profile/interests");
    assertThat(undo.body()).isEqualTo(json("{\"displayName\":\"Knitting\",\"categories\":[\"Crafts\"]}"));
  }

  @Test
  void aReversalGoesToTheVersionOfTheChangeItUndoes() {
    // A run pinned to beta created it under /beta, though a root without a version would use v1.0 for it.
    ResourceId id = new ResourceId(ProfileCardProperties.DESCRIPTOR, null, "CustomAttribute1");
    Create applied = new Create(id, id.basePath(GraphVersion.BETA),
        json("{\"directoryPropertyName\":\"CustomAttribute1\"}"), List.of());
    Delete deleted = new Delete(id, id.basePath(GraphVersion.BETA) + "/CustomAttribute1",
        json("{\"directoryPropertyName\":\"CustomAttribute1\"}"));

    List<Change> undoCreate = Reversal.ofCreate(applied, json("{\"directoryPropertyName\":\"CustomAttribute1\"}"));

    assertThat(undoCreate).extracting(Change::path).containsExactly("/beta/admin/people/profileCardProperties/CustomAttribute1");
    assertThat(Reversal.ofDelete(deleted).path()).isEqualTo("/beta/admin/people/profileCardProperties");
  }
}
