package org.settingsreconciler.load;

import org.settingsreconciler.graph.GraphResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.load.DesiredStateLoader.Layer;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.plan.Differ;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.render.PlanTextRenderer;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.load.Variables;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Layers merge key by key; an override must be marked overridable by the base; every value knows its layer. */
class LayeredDesiredStateTest {

  @TempDir Path dir;

  private Path layer(String name, String... files) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(d.resolve(files[i]), files[i + 1]);
    }
    return d;
  }

  private DesiredState load(Path... dirs) throws ConfigException {
    return new DesiredStateLoader(Variables.none())
        .loadLayers(List.of(dirs).stream().map(d -> new Layer(d.getFileName().toString(), d)).toList());
  }

  private List<String> errors(Path... dirs) {
    try {
      load(dirs);
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).map(s -> s.replace(dir + "/", "")).toList();
    }
    throw new AssertionError("expected errors");
  }

  private static DesiredResource resource(DesiredState s, String address) {
    return s.resources().stream().filter(r -> r.address().equals(address)).findFirst().orElseThrow();
  }

  static final String BASELINE_COPILOT = """
      copilot:
        enhancedPersonalization:
          isEnabledInOrganization: true
          disabledForGroup: null
      people:
        pronouns:
          isEnabledInOrganization: true
        photoUpdateSettings:
          allowedRoles: [62e90394-69f5-4237-9190-012177145e10, f28a1f50-f6e7-4571-818b-6a12f2af6b6c]
      """;

  @Test
  void aLaterLayerAddsSettingsAndEveryValueKnowsItsLayer() throws Exception {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT);
    Path prod = layer("prod", "people.yaml", "people:\n  namePronunciation:\n    isEnabledInOrganization: true\n");

    DesiredState s = load(baseline, prod);

    ValueOrigin pronouns = resource(s, "people.pronouns").origin("isEnabledInOrganization");
    assertThat(pronouns.layer()).isEqualTo("baseline");
    assertThat(pronouns.overrode()).isNull();
    assertThat(resource(s, "people.namePronunciation").origin("isEnabledInOrganization").layer()).isEqualTo("prod");
    assertThat(resource(s, "people.namePronunciation").propertyLocations().get("isEnabledInOrganization").file())
        .endsWith("prod/people.yaml");
  }

  @Test
  void anOverrideOfAMarkedKeyReplacesTheValueAndRemembersTheBaseValue() throws Exception {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT, "layer.yaml",
        "overridable:\n  - copilot.enhancedPersonalization.disabledForGroup\n  - people.photoUpdateSettings\n");
    Path prod = layer("prod", "copilot.yaml", """
        copilot:
          enhancedPersonalization:
            disabledForGroup: {group: Copilot Pilot}
        people:
          photoUpdateSettings:
            allowedRoles: [62e90394-69f5-4237-9190-012177145e10]
        """);

    DesiredState s = load(baseline, prod);

    DesiredResource ep = resource(s, "copilot.enhancedPersonalization");
    assertThat(ep.properties().get("isEnabledInOrganization").asBoolean()).isTrue();
    assertThat(ep.properties().get("disabledForGroup").get("group").asString()).isEqualTo("Copilot Pilot");
    ValueOrigin origin = ep.origin("disabledForGroup");
    assertThat(origin.layer()).isEqualTo("prod");
    assertThat(origin.overrode().layer()).isEqualTo("baseline");
    assertThat(origin.overrode().at().toString()).isEqualTo(baseline.resolve("copilot.yaml") + ":4:23");
    assertThat(origin.overrode().value().isNull()).isTrue();
    assertThat(ep.propertyLocations().get("disabledForGroup").toString()).isEqualTo(prod.resolve("copilot.yaml") + ":3:23");
    assertThat(ep.origin("isEnabledInOrganization").layer()).isEqualTo("baseline");

    JsonNode roles = resource(s, "people.photoUpdateSettings").properties().get("allowedRoles");
    assertThat(roles).as("lists are replaced whole").hasSize(1);
    assertThat(resource(s, "people.photoUpdateSettings").origin("allowedRoles").overrode().value()).hasSize(2);
  }

  @Test
  void aGroupNamedByALaterLayerReplacesTheBaseGroupWhole() throws Exception {
    Path baseline = layer("baseline", "copilot.yaml",
        "copilot:\n  enhancedPersonalization:\n    disabledForGroup: {group: Pilot}\n",
        "layer.yaml", "overridable: [copilot.enhancedPersonalization.disabledForGroup]\n");
    Path prod = layer("prod", "copilot.yaml",
        "copilot:\n  enhancedPersonalization:\n    disabledForGroup:\n      group: Prod Pilot\n");

    DesiredResource ep = resource(load(baseline, prod), "copilot.enhancedPersonalization");

    assertThat(ep.properties().get("disabledForGroup").toString()).isEqualTo("{\"group\":\"Prod Pilot\"}");
    assertThat(ep.origin("disabledForGroup").layer()).isEqualTo("prod");
    assertThat(ep.origin("disabledForGroup").overrode().value().toString()).isEqualTo("{\"group\":\"Pilot\"}");
    assertThat(ep.propertyLocations().get("disabledForGroup").file()).endsWith("prod/copilot.yaml");
  }

  /** A broken file in the base used to hide every error of the layers above it. */
  @Test
  void errorsOfEveryLayerAreReportedAtOnce() throws IOException {
    Path baseline = layer("baseline", "copilot.yaml", "copilot:\n  limitedMode: [\n",
        "people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: yes\n");
    Path prod = layer("prod", "people.yaml", "people:\n  namePronunciaton:\n    isEnabledInOrganization: true\n");

    List<String> errors = errors(baseline, prod);

    assertThat(errors).hasSize(3);
    assertThat(errors.get(0)).startsWith("baseline/copilot.yaml:").contains("YAML syntax error");
    assertThat(errors.get(1)).startsWith("baseline/people.yaml:3:30: people.pronouns.isEnabledInOrganization: must "
        + "be a boolean");
    assertThat(errors.get(2)).startsWith("prod/people.yaml:2:3: people.namePronunciaton: unknown key");
  }

  @Test
  void anOverrideOfAnUnmarkedKeyIsAnErrorNamingBothPlaces() throws IOException {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT,
        "layer.yaml", "overridable: [people.pronouns]\n");
    Path prod = layer("prod", "copilot.yaml",
        "copilot:\n  enhancedPersonalization:\n    isEnabledInOrganization: false\n");

    assertThat(errors(baseline, prod)).containsExactly(
        "prod/copilot.yaml:3:5: copilot.enhancedPersonalization.isEnabledInOrganization: overrides the value layer "
            + "baseline sets at baseline/copilot.yaml:3:30, which baseline does not mark overridable; list "
            + "it under overridable: in that layer's layer.yaml, or leave it out here");
  }

  @Test
  void withoutALayerFileNothingMayBeOverriddenEvenWithTheSameValue() throws IOException {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT);
    Path prod = layer("prod", "people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    assertThat(errors(baseline, prod)).singleElement().asString().contains("does not mark overridable");
  }

  @Test
  void marksMustNameKeysTheLayerSetsAndBeKeyPaths() throws IOException {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT, "layer.yaml",
        "overridable:\n  - people.itemInsights\n  - copilot..limitedMode\n  - copilot.policySettings[\"x\"\n");
    assertThat(errors(baseline)).containsExactly(
        "baseline/layer.yaml:2:5: overridable: 'people.itemInsights' is not set in layer baseline; mark only what this "
            + "layer sets",
        "baseline/layer.yaml:3:5: overridable[1]: 'copilot..limitedMode' is not a key path: an empty key (two dots, or "
            + "a dot at the start)",
        "baseline/layer.yaml:4:5: overridable[2]: 'copilot.policySettings[\"x\"' is not a key path: a [\" is not "
            + "closed by \"]");
  }

  @Test
  void bracketedKeysMarkKeysThatHoldDots() throws Exception {
    Path baseline = layer("baseline", "copilot.yaml", """
        copilot:
          policySettings:
            microsoft.copilot.allowwebsearch: {value: "1"}
        """, "layer.yaml", "overridable: ['copilot.policySettings[\"microsoft.copilot.allowwebsearch\"].value']\n");
    Path prod = layer("prod", "copilot.yaml",
        "copilot:\n  policySettings:\n    microsoft.copilot.allowwebsearch: {value: \"0\"}\n");
    DesiredState s = load(baseline, prod);
    assertThat(s.resources().get(0).properties().get("value").asString()).isEqualTo("0");
  }

  @Test
  void aMiddleLayerOverridesOnlyWhatItsBaseAllowsAndTheLastWhatTheMiddleAllows() throws Exception {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT,
        "layer.yaml", "overridable: [people.pronouns]\n");
    Path europe = layer("europe", "people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: false\n",
        "layer.yaml", "overridable: [people.pronouns.isEnabledInOrganization]\n");
    Path prod = layer("prod", "people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    ValueOrigin origin = resource(load(baseline, europe, prod), "people.pronouns").origin("isEnabledInOrganization");
    assertThat(origin.layer()).isEqualTo("prod");
    assertThat(origin.overrode().layer()).isEqualTo("europe");
    assertThat(origin.overrode().value().asBoolean()).isFalse();

    Files.delete(europe.resolve("layer.yaml"));
    assertThat(errors(baseline, europe, prod)).singleElement().asString()
        .contains("overrides the value layer europe sets");
  }

  @Test
  void schemaErrorsPointIntoTheLayerThatWroteTheValue() throws IOException {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT,
        "layer.yaml", "overridable: [people.pronouns]\n");
    Path prod = layer("prod", "people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: yes\n");
    assertThat(errors(baseline, prod)).singleElement().asString()
        .startsWith("prod/people.yaml:3:30: people.pronouns.isEnabledInOrganization: must be a boolean");
  }

  @Test
  void duplicateKeysWithinOneLayerAreStillErrors() throws IOException {
    Path baseline = layer("baseline", "a.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n",
        "b.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: false\n");
    assertThat(errors(baseline)).singleElement().asString().contains("set twice");
  }

  @Test
  void thePlanNamesTheLayerFileAndLineOfEveryValueAndWhatItOverrode() throws Exception {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT,
        "layer.yaml", "overridable: [copilot.enhancedPersonalization.disabledForGroup]\n");
    Path prod = layer("prod", "copilot.yaml",
        "copilot:\n  enhancedPersonalization:\n    disabledForGroup: 4c563cdf-0efa-44c5-a384-dbf57db277df\n");
    DesiredState s = load(baseline, prod);
    s = new DesiredState(s.resources().stream().filter(r -> r.address().startsWith("copilot")).toList(), List.of());
    CurrentState current = new CurrentState();
    current.putObject("copilot.enhancedPersonalization", GraphResult.of(JsonMapper.builder().build()
        .readTree("{\"isEnabledInOrganization\": false, \"disabledForGroup\": null}")));

    Plan plan = new Differ().diff(s, current);

    ByteArrayOutputStream text = new ByteArrayOutputStream();
    new PlanTextRenderer(new PrintStream(text, true, StandardCharsets.UTF_8)).render(plan);
    assertThat(text.toString(StandardCharsets.UTF_8).replace(dir + "/", ""))
        .contains("~ isEnabledInOrganization: false -> true    # layer baseline baseline/copilot.yaml:3:30\n")
        .contains("~ disabledForGroup: null -> \"4c563cdf-0efa-44c5-a384-dbf57db277df\"    # layer prod "
            + "prod/copilot.yaml:3:23 (overrides baseline baseline/copilot.yaml:4:23: null)\n");
    JsonNode json = PlanJson.write(plan).at("/changes/0/properties/1");
    assertThat(json.get("layer").asString()).isEqualTo("prod");
    assertThat(json.at("/overrides/layer").asString()).isEqualTo("baseline");
    assertThat(json.at("/overrides/source").asString()).endsWith("baseline/copilot.yaml:4:23");
    assertThat(json.at("/overrides/value").isNull()).isTrue();
  }

  @Test
  void aTenantWithNoFilesOfItsOwnTakesItsBases() throws Exception {
    Path baseline = layer("baseline", "copilot.yaml", BASELINE_COPILOT);
    Path prod = layer("prod", "tenant.yaml", "tenantId: 00000000-0000-0000-0000-000000000001\n");
    assertThat(load(baseline, prod).resources()).hasSize(3);
  }

  @Test
  void keyPathsBecomePointers() {
    assertThat(KeyPath.toPointer("users[\"a.b@contoso.com\"].interests[\"Chelsea FC\"]"))
        .isEqualTo("/users/a.b@contoso.com/interests/Chelsea FC");
    assertThat(KeyPath.toPointer("people.pronouns")).isEqualTo("/people/pronouns");
    assertThatThrownBy(() -> KeyPath.toPointer("a.")).hasMessageContaining("dot at the end");
    assertThatThrownBy(() -> KeyPath.toPointer("a[\"b\"]c")).hasMessageContaining("need a dot");
  }
}
