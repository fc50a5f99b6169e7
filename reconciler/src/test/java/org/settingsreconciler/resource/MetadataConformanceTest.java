package org.settingsreconciler.resource;

import org.settingsreconciler.metadata.GraphMetadata;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.MetadataConformance.Finding;
import org.settingsreconciler.resource.MetadataDifferences.Row;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.resource.defs.PersonInterests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every descriptor, and the JSON Schema of its YAML, agrees with Microsoft's own metadata (the slices in
 * {@code src/main/resources/metadata/}) of every Graph version it says it exists in, and says it exists in exactly
 * the versions whose metadata has it, except where {@code docs/metadata-differences.md} lists the difference with
 * its reason. A property Microsoft adds, a type it changes, or a schema made stricter than Graph fails here until
 * someone decides and writes the decision down; a listed difference that is gone fails too, so the list stays true.
 */
class MetadataConformanceTest {

  /**
   * The version the tests of the check itself edit. The real check holds each descriptor against the metadata of
   * every version it says it exists in: the tool sends a resource to v1.0 where it exists there and to beta
   * otherwise, or everything to the one version {@code --graph-url} ends in.
   */
  private static final String VERSION_THE_TOOL_USES = "beta";

  private static final String REFRESH =
      "python3 sandbox/src/main/resources/metadata/slice_metadata.py <cleanMetadata.xml> --version <beta|v1.0>"
          + " --path <its path in microsoftgraph/msgraph-metadata> --commit <its commit>";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Every disagreement with the metadata of each Graph version: the descriptors and schemas against every version a
   * descriptor is declared in, and the declared versions against what each version's metadata has.
   */
  static SortedSet<Finding> findings(List<ResourceDescriptor> descriptors) {
    SortedSet<Finding> out = new TreeSet<>();
    for (GraphVersion v : GraphVersion.values()) {
      GraphMetadata metadata = GraphMetadata.load(v.segment());
      out.addAll(MetadataConformance.versions(descriptors, v, metadata));
      // A type the version lacks is reported once, by the versions check.
      List<ResourceDescriptor> declared = descriptors.stream()
          .filter(d -> d.versions().contains(v) && metadata.hasWholeType(MetadataConformance.typeOf(d))).toList();
      out.addAll(MetadataConformance.check(declared, metadata, MetadataConformance::schemaOf));
    }
    return out;
  }

  @Test
  void everyDisagreementWithTheMetadataIsListedAndEveryListedOneIsReal() {
    SortedSet<Finding> findings = findings(ResourceRegistry.all());
    String metadata = "metadata of " + String.join(" and ",
        List.of(GraphVersion.values()).stream().map(v -> GraphMetadata.load(v.segment()).label()).toList());
    List<Row> rows = MetadataDifferences.checkedRows();

    List<Finding> unlisted = findings.stream().filter(f -> rows.stream().noneMatch(r -> r.matches(f))).toList();
    List<Row> stale = rows.stream().filter(r -> findings.stream().noneMatch(r::matches)).toList();
    if (unlisted.isEmpty() && stale.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    if (!unlisted.isEmpty()) {
      message
          .append(MetadataDifferences.NAME)
          .append(" does not list these disagreements with the ")
          .append(metadata)
          .append(".\nFix the tool, or decide and add a row under '")
          .append(MetadataDifferences.CHECKED_HEADING)
          .append("' (Status: deliberate, or 'to fix: issue N item M'; say why):\n");
      unlisted.forEach(
          f ->
              message
                  .append(new Row(f.where(), f.difference(), "?", "beta or v1.0 metadata", "?").markdown())
                  .append('\n'));
    }
    if (!stale.isEmpty()) {
      message
          .append(MetadataDifferences.NAME)
          .append(" lists differences the ")
          .append(metadata)
          .append(" no longer shows; remove these rows")
          .append(" (a 'to fix' row here means its fix has landed):\n");
      stale.forEach(r -> message.append(r.markdown()).append('\n'));
    }
    fail(message.toString());
  }

  @Test
  void everyListedDifferenceSaysWhetherItIsKeptOnPurposeAndWhy() {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Row r : MetadataDifferences.checkedRows()) {
      if (!r.deliberate() && !r.status().matches("to fix: issue \\d+ item \\d+")) {
        problems.add(r.markdown() + "  <- Status must be 'deliberate' or 'to fix: issue N item M'");
      }
      if (r.source().isBlank() || r.reason().isBlank()) {
        problems.add(r.markdown() + "  <- give its source and the reason");
      }
      if (!seen.add(r.where() + " | " + r.difference())) {
        problems.add(r.markdown() + "  <- listed twice");
      }
    }
    assertThat(problems).as("rows of " + MetadataDifferences.NAME).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"beta", "v1.0"})
  void theSliceCoversExactlyTheDescriptorsTypesAndPaths(String version) {
    GraphMetadata metadata = GraphMetadata.load(version);
    Set<String> types =
        ResourceRegistry.all().stream().map(MetadataConformance::typeOf).collect(Collectors.toCollection(TreeSet::new));
    Set<String> paths =
        ResourceRegistry.all().stream().map(ResourceDescriptor::path).collect(Collectors.toCollection(TreeSet::new));
    JsonNode scopeFile = readClasspath("metadata/scope.json");
    assertThat(strings(scopeFile.path("types")))
        .as("metadata/scope.json \"types\" must be the descriptors' odataTypes; edit it, then run " + REFRESH)
        .containsExactlyInAnyOrderElementsOf(types);
    assertThat(strings(scopeFile.path("paths")))
        .as("metadata/scope.json \"paths\" must be the descriptors' paths; edit it, then run " + REFRESH)
        .containsExactlyInAnyOrderElementsOf(paths);
    JsonNode ahead = scopeFile.path("aheadOfDescriptors");
    assertThat(strings(ahead.path("types")))
        .as("a descriptor uses a type metadata/scope.json lists under \"aheadOfDescriptors\"; move it up into"
            + " \"types\", then run " + REFRESH)
        .doesNotContainAnyElementsOf(types);
    assertThat(strings(ahead.path("paths")))
        .as("a descriptor uses a path metadata/scope.json lists under \"aheadOfDescriptors\"; move it up into"
            + " \"paths\", then run " + REFRESH)
        .doesNotContainAnyElementsOf(paths);
    assertThat(scopeLists(metadata.scope()))
        .as(version + ".json was cut with another scope.json; run " + REFRESH)
        .isEqualTo(scopeLists(scopeFile));
  }

  /**
   * What scope.json lists ahead of its descriptors is there for a descriptor to be held against, so it must be
   * Microsoft's: a type or path no version's metadata has (a misspelling, a path through a wrong navigation) fails.
   */
  @Test
  void whatIsCutInAheadOfItsDescriptorIsInTheMetadataOfSomeVersion() {
    JsonNode ahead = readClasspath("metadata/scope.json").path("aheadOfDescriptors");
    List<GraphMetadata> slices = List.of(GraphVersion.values()).stream().map(v -> GraphMetadata.load(v.segment()))
        .toList();
    assertThat(strings(ahead.path("types")))
        .as("types listed ahead of their descriptors that no version's slice keeps whole")
        .allMatch(t -> slices.stream().anyMatch(m -> m.hasWholeType(t)));
    assertThat(strings(ahead.path("paths")))
        .as("paths listed ahead of their descriptors that lead nowhere in every version's slice")
        .allMatch(p -> slices.stream().anyMatch(m -> m.path(p).map(t -> t.missing() == null).orElse(false)));
  }

  /** The types and paths a scope (scope.json, or the one a slice records) lists, its ahead-of-descriptors ones too. */
  private static List<List<String>> scopeLists(JsonNode scope) {
    JsonNode ahead = scope.path("aheadOfDescriptors");
    return List.of(strings(scope.path("types")), strings(scope.path("paths")), strings(ahead.path("types")),
        strings(ahead.path("paths")));
  }

  @Test
  void aPropertyMicrosoftAddsIsADisagreementUntilSomeoneDecides() {
    ObjectNode doc = (ObjectNode) GraphMetadata.load(VERSION_THE_TOOL_USES).document().deepCopy();
    ((ArrayNode) doc.at("/entityTypes/microsoft.graph.pronounsSettings/properties"))
        .addObject()
        .put("name", "isHiddenFromGuests")
        .put("type", "Edm.Boolean")
        .put("nullable", true);

    SortedSet<Finding> findings =
        MetadataConformance.check(ResourceRegistry.all(), GraphMetadata.of(doc), MetadataConformance::schemaOf);

    Finding added = new Finding("people.pronouns.isHiddenFromGuests", "not managed");
    assertThat(findings).contains(added);
    assertThat(MetadataDifferences.checkedRows()).noneMatch(r -> r.matches(added));
  }

  @Test
  void aSchemaStricterThanTheMetadataIsADisagreement() {
    ObjectNode doc = (ObjectNode) GraphMetadata.load(VERSION_THE_TOOL_USES).document().deepCopy();
    // Suppose Graph made pronouns' switch nullable and added a member to the audiences enum.
    ((ObjectNode) doc.at("/entityTypes/microsoft.graph.pronounsSettings/properties/0")).put("nullable", true);
    ((ArrayNode) doc.at("/enumTypes/microsoft.graph.allowedAudiences/members"))
        .addObject()
        .put("name", "partners")
        .put("value", 128);

    SortedSet<Finding> findings =
        MetadataConformance.check(ResourceRegistry.all(), GraphMetadata.of(doc), MetadataConformance::schemaOf);

    assertThat(findings)
        .contains(
            new Finding("people.pronouns.isEnabledInOrganization", "schema: null refused, metadata nullable"),
            new Finding(
                "users.interests.allowedAudiences",
                "schema: refuses microsoft.graph.allowedAudiences members partners"));
  }

  @Test
  void aManagedPropertyMicrosoftDropsOrRetypesIsADisagreement() {
    ObjectNode doc = (ObjectNode) GraphMetadata.load(VERSION_THE_TOOL_USES).document().deepCopy();
    ((ArrayNode) doc.at("/entityTypes/microsoft.graph.copilotAdminLimitedMode/properties")).remove(0); // groupId
    ((ObjectNode) doc.at("/entityTypes/microsoft.graph.copilotPolicySetting/properties/1")).put("type", "Edm.Int32");

    SortedSet<Finding> findings =
        MetadataConformance.check(ResourceRegistry.all(), GraphMetadata.of(doc), MetadataConformance::schemaOf);

    assertThat(findings)
        .contains(
            new Finding("copilot.limitedMode.groupId", "managed, not in the metadata"),
            new Finding("copilot.policySettings.value", "kind STRING does not fit Edm.Int32"));
  }

  @Test
  void aDescriptorDeclaredInAVersionWhoseMetadataLacksItIsADisagreement() {
    // Person interests claiming v1.0, where Microsoft's v1.0 metadata has no personInterest and no user profile.
    ResourceDescriptor claimsV1 = likeInterests(GraphVersion.V1_0, GraphVersion.BETA);

    SortedSet<Finding> findings = findings(List.of(claimsV1));

    Finding wrong = new Finding("users.interests", "declared in v1.0, which lacks it: type "
        + "microsoft.graph.personInterest absent");
    assertThat(findings).contains(wrong);
    assertThat(findings).noneMatch(f -> f.difference().contains("type microsoft.graph.personInterest not in"));
    assertThat(MetadataDifferences.checkedRows()).noneMatch(r -> r.matches(wrong));
    assertThat(findings(List.of(likeInterests(GraphVersion.BETA)))).noneMatch(f -> f.difference().contains("v1.0"));
  }

  @Test
  void aResourceV1HasButThatIsDeclaredBetaOnlyIsADisagreement() {
    ObjectNode doc = (ObjectNode) GraphMetadata.load("v1.0").document().deepCopy();
    ResourceDescriptor pronounsBetaOnly = ResourceDescriptor.builder("people.pronouns").title("Pronouns")
        .singleton(PeopleToggles.PRONOUNS.path()).versions(GraphVersion.BETA)
        .odataType(PeopleToggles.PRONOUNS.odataType()).permissions(PeopleToggles.PRONOUNS.permissions())
        .schema(PeopleToggles.PRONOUNS.schemaFile()).build();

    SortedSet<Finding> findings =
        MetadataConformance.versions(List.of(pronounsBetaOnly), GraphVersion.V1_0, GraphMetadata.of(doc));

    Finding undeclared = new Finding("people.pronouns", "in the v1.0 metadata, not declared in v1.0");
    assertThat(findings).containsExactly(undeclared);
    assertThat(MetadataDifferences.checkedRows()).noneMatch(r -> r.matches(undeclared));
    assertThat(MetadataConformance.versions(List.of(PeopleToggles.PRONOUNS), GraphVersion.V1_0, GraphMetadata.of(doc)))
        .isEmpty();
  }

  private static ResourceDescriptor likeInterests(GraphVersion... versions) {
    ResourceDescriptor d = PersonInterests.DESCRIPTOR;
    ResourceDescriptor.Builder b = ResourceDescriptor.builder(d.type()).title(d.title()).collection(d.path(), d.key())
        .perUser().versions(versions).odataType(d.odataType()).permissions(d.permissions()).schema(d.schemaFile());
    d.properties().forEach(b::property);
    return b.build();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  private static JsonNode readClasspath(String resource) {
    try (InputStream in = MetadataConformanceTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the test classpath").isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
