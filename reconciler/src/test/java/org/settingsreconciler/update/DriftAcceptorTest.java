package org.settingsreconciler.update;

import org.settingsreconciler.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Differ;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ValueKind;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Edge cases with a hand-made tenant, planned by the real differ, accepted straight into a file. */
class DriftAcceptorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  /** Writes the YAML, plans it against {@code tenant} (address to JSON), accepts the drift. */
  private UpdateResult accept(String yaml, String... tenant) throws Exception {
    Path file = dir.resolve("settings.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    DesiredState desired = new DesiredStateLoader().load(List.of(file));
    CurrentState current = new CurrentState();
    for (int i = 0; i < tenant.length; i += 2) {
      JsonNode value = JSON.readTree(tenant[i + 1]);
      if (value.isArray()) {
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        current.putCollection(tenant[i], GraphResult.items(items));
      } else {
        current.putObject(tenant[i], GraphResult.of(value));
      }
    }
    for (DesiredResource r : desired.resources()) {
      if (current.object(r.address()) == null && r.id().key() == null) {
        current.putObject(r.address(), GraphResult.of(JSON.readTree("{}")));
      }
    }
    for (CollectionScope c : desired.collections()) {
      if (current.collection(c.address()) == null) {
        current.putCollection(c.address(), GraphResult.items(List.of()));
      }
    }
    Plan plan = new Differ().diff(desired, current);
    return new DriftAcceptor(List.of(file)).accept(plan);
  }

  private String file() throws Exception {
    return Files.readString(dir.resolve("settings.yaml"), StandardCharsets.UTF_8);
  }

  @Test
  void removesAnItemFromAFlowMapping() throws Exception {
    accept("people:\n  profileCardProperties: {CustomAttribute1: {annotations: []}, Alias: {}}  # both\n",
        "people.profileCardProperties", "[{\"directoryPropertyName\": \"Alias\"}]");

    assertThat(file()).isEqualTo("people:\n  profileCardProperties: {Alias: {}}  # both\n");
  }

  @Test
  void replacesABlockScalarAndKeepsTheLinesAfterIt() throws Exception {
    accept("users:\n  a@contoso.com:\n    interests:\n      Chess:\n        description: |\n          two\n"
            + "          lines\n\n        webUrl: null   # none\n",
        "users[\"a@contoso.com\"].interests",
        "[{\"id\": \"i1\", \"displayName\": \"Chess\", \"description\": \"one line\", \"webUrl\": null}]");

    assertThat(file()).isEqualTo("users:\n  a@contoso.com:\n    interests:\n      Chess:\n"
        + "        description: one line\n\n        webUrl: null   # none\n");
  }

  @Test
  void countsCharactersOutsideTheBasicPlaneOnceWhereSnakeyamlDoes() throws Exception {
    accept("users:\n  a@contoso.com:\n    interests:\n      \"Hiking 🥾🏔️\": {description: \"Up 😀\", webUrl: x}\n",
        "users[\"a@contoso.com\"].interests",
        "[{\"id\": \"i1\", \"displayName\": \"Hiking 🥾🏔️\", \"description\": \"Down 🙃\","
            + " \"webUrl\": \"y\"}]");

    assertThat(file()).isEqualTo(
        "users:\n  a@contoso.com:\n    interests:\n      \"Hiking 🥾🏔️\": {description: \"Down 🙃\", webUrl: y}\n");
  }

  @Test
  void addsAPrunedItemAtTheEndOfAFileWithoutAFinalLineBreak() throws Exception {
    accept("prune: [people.profileCardProperties]\npeople:\n  profileCardProperties:\n    Alias: {}",
        "people.profileCardProperties",
        "[{\"directoryPropertyName\": \"Alias\"}, {\"directoryPropertyName\": \"Fax\", \"annotations\": []}]");

    assertThat(file()).isEqualTo("prune: [people.profileCardProperties]\npeople:\n  profileCardProperties:\n"
        + "    Alias: {}\n    Fax:\n      annotations: []");
  }

  @Test
  void leavesWhatTheYamlCannotHoldAndSaysWhy() throws Exception {
    String yaml = "people:\n  pronouns:\n    isEnabledInOrganization: true\n";
    UpdateResult result = accept(yaml, "people.pronouns", "{\"isEnabledInOrganization\": null}");

    assertThat(result.updated()).isEmpty();
    assertThat(result.notUpdated()).singleElement().asString()
        .contains("people.pronouns: isEnabledInOrganization", "cannot be written in the YAML");
    assertThat(file()).isEqualTo(yaml);
  }

  @Test
  void nullInTheTenantIsAnEmptySetButNeverAnEmptyOrderedList() {
    PropertySpec roles = PeopleToggles.PHOTO_UPDATE_SETTINGS.property("allowedRoles").orElseThrow();
    PropertySpec urls = ProfilePropertySettings.DESCRIPTOR.property("prioritizedSourceUrls").orElseThrow();
    assertThat(roles.kind()).isEqualTo(ValueKind.STRING_SET);

    assertThat(WritableValue.of(roles, JSON.nullNode(), JSON.readTree("[\"a\"]"))).hasToString("[]");
    assertThat(WritableValue.of(urls, JSON.nullNode(), JSON.readTree("[\"a\"]"))).isNull();
    // A set keeps the YAML's order for what it already lists.
    assertThat(WritableValue.of(roles, JSON.readTree("[\"c\",\"b\",\"a\"]"), JSON.readTree("[\"a\",\"b\"]")))
        .hasToString("[\"a\",\"b\",\"c\"]");
  }

  @Test
  void writesNothingWhenTheFileChangedSinceItWasPlanned() throws Exception {
    Path file = dir.resolve("settings.yaml");
    Files.writeString(file, "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    DesiredState desired = new DesiredStateLoader().load(List.of(file));
    CurrentState current = new CurrentState();
    current.putObject("people.pronouns", GraphResult.of(JSON.readTree("{\"isEnabledInOrganization\": false}")));
    Plan plan = new Differ().diff(desired, current);
    String edited = "# someone edited it meanwhile\npeople:\n  pronouns:\n    isEnabledInOrganization: true\n";
    Files.writeString(file, edited);

    UpdateResult result = new DriftAcceptor(List.of(file)).accept(plan);

    assertThat(result.updated()).isEmpty();
    assertThat(result.notUpdated()).singleElement().asString().contains("changed since it was read");
    assertThat(Files.readString(file)).isEqualTo(edited);
  }
}
