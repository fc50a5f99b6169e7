package org.settingsreconciler.resource;

import org.settingsreconciler.resource.defs.ResourceRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the JSON Schemas in {@code schemas/} in step with the resource descriptors, and checks that networknt reads
 * them from the classpath the way the loader does: relative {@code $ref}s resolve, the examples are valid, and bad
 * documents fail with the keyword and instance location the loader reports.
 */
class SchemaMatchesDescriptorsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ROOT_SCHEMA = "schemas/desired-state.schema.json";
  /** Maven runs tests in the module directory; the examples and schemas sit at the top of the repository. */
  private static final Path EXAMPLES = Path.of("..", "examples");

  private static final Path RESOURCE_SCHEMAS = Path.of("..", "schemas", "resources");
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema DESIRED_STATE = REGISTRY.getSchema(SchemaLocation.of("classpath:" + ROOT_SCHEMA));

  static List<ResourceDescriptor> descriptors() {
    return ResourceRegistry.all();
  }

  // ---- the schemas match the descriptors ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptors")
  void schemaDescribesExactlyTheDescriptorsProperties(ResourceDescriptor d) {
    JsonNode doc = classpathJson("schemas/" + d.schemaFile());
    Set<String> expected =
        d.properties().stream().map(PropertySpec::name).collect(Collectors.toCollection(LinkedHashSet::new));
    assertThat(doc.path("type").asString()).isEqualTo("object");

    switch (d.shape()) {
      case SINGLETON -> {
        // What Graph nests in the object (a user's itemInsights in their settings) is nested in its YAML too.
        ResourceRegistry.nestedIn(d).forEach(n -> expected.add(n.yamlName()));
        assertThat(propertyNames(doc)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(doc.path("additionalProperties").asBoolean(true)).as("closed").isFalse();
      }
      case FIXED_IDS -> {
        assertThat(propertyNames(doc)).containsExactlyInAnyOrderElementsOf(d.fixedIds());
        assertThat(doc.get("additionalProperties").asBoolean(true)).as("unknown ids rejected").isFalse();
        for (JsonNode idSchema : doc.get("properties")) {
          assertThat(propertyNames(resolveLocal(doc, idSchema))).containsExactlyInAnyOrderElementsOf(expected);
        }
      }
      case CATALOG -> {
        // Any id: the catalog's items are the tenant's, and each one's schema is the same.
        JsonNode item = resolveLocal(doc, doc.get("additionalProperties"));
        assertThat(propertyNames(item)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(item.path("additionalProperties").asBoolean(true)).as("closed").isFalse();
      }
      case COLLECTION -> {
        List<JsonNode> items = collectionItemSchemas(doc);
        assertThat(items).isNotEmpty();
        for (JsonNode item : items) {
          // A key property may be described too, deprecated, for YAML written before the key moved to it.
          Set<String> described = new LinkedHashSet<>(propertyNames(item));
          for (String keyProperty : d.key().properties()) {
            if (described.remove(keyProperty)) {
              assertThat(item.at("/properties/" + keyProperty + "/deprecated").asBoolean()).as(keyProperty).isTrue();
            }
          }
          assertThat(described).containsExactlyInAnyOrderElementsOf(expected);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptors")
  void desiredStateReferencesTheSchemaWhereTheTypeLives(ResourceDescriptor d) {
    JsonNode root = classpathJson(ROOT_SCHEMA);
    if (d.yamlPath().size() > 1) {
      // Nested in another resource's object: that resource's schema refers to it, beside it in resources/.
      String outer = d.type().substring(0, d.type().lastIndexOf('.'));
      JsonNode parent = classpathJson("schemas/" + ResourceRegistry.byType(outer).orElseThrow().schemaFile());
      assertThat(parent.path("properties").path(d.yamlName()).path("$ref").asString())
          .isEqualTo(d.schemaFile().substring("resources/".length()));
      return;
    }
    JsonNode parent =
        d.scope() == Scope.USER
            ? root.at("/properties/users/additionalProperties")
            : root.at("/properties/" + d.yamlSection());
    assertThat(parent.path("properties").path(d.yamlName()).path("$ref").asString()).isEqualTo(d.schemaFile());
  }

  @Test
  void desiredStateHasNothingBeyondTheRegistry() {
    JsonNode root = classpathJson(ROOT_SCHEMA);
    Map<String, List<String>> tenantSections =
        ResourceRegistry.tenantScoped().stream()
            .collect(
                Collectors.groupingBy(
                    ResourceDescriptor::yamlSection,
                    Collectors.mapping(ResourceDescriptor::yamlName, Collectors.toList())));
    // A catalog's allow-list switch sits beside it in its section (copilot.agentsNotListed).
    ResourceRegistry.tenantScoped().stream().filter(d -> d.allowList() != null).forEach(d -> {
      List<String> names = new ArrayList<>(tenantSections.get(d.yamlSection()));
      names.add(d.allowList().yamlKey());
      tenantSections.put(d.yamlSection(), names);
    });
    Set<String> rootKeys = new LinkedHashSet<>(tenantSections.keySet());
    rootKeys.addAll(List.of("users", "prune"));
    assertThat(propertyNames(root)).containsExactlyInAnyOrderElementsOf(rootKeys);
    tenantSections.forEach(
        (section, names) ->
            assertThat(propertyNames(root.at("/properties/" + section))).containsExactlyInAnyOrderElementsOf(names));
    assertThat(propertyNames(root.at("/properties/users/additionalProperties")))
        .containsExactlyInAnyOrderElementsOf(ResourceRegistry.userScoped().stream()
            .filter(d -> d.yamlPath().size() == 1).map(d -> d.yamlName()).toList());

    List<String> prunable = new ArrayList<>();
    root.at("/properties/prune/items/enum").forEach(n -> prunable.add(n.asString()));
    assertThat(prunable)
        .containsExactlyInAnyOrderElementsOf(
            ResourceRegistry.all().stream().filter(d -> d.shape() == Shape.COLLECTION).map(d -> d.type()).toList());
  }

  @Test
  void everyResourceSchemaFileBelongsToADescriptor() throws IOException {
    Set<String> files;
    try (Stream<Path> list = Files.list(RESOURCE_SCHEMAS)) {
      files =
          list.map(p -> "resources/" + p.getFileName())
              .filter(f -> !f.equals("resources/common.schema.json"))
              .collect(Collectors.toSet());
    }
    assertThat(files)
        .containsExactlyInAnyOrderElementsOf(ResourceRegistry.all().stream().map(d -> d.schemaFile()).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allSchemaFiles")
  void everyObjectIsClosedAndEveryPropertyDescribed(String file) {
    JsonNode doc = classpathJson(file);
    assertThat(doc.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(doc.has("$id")).as("no $id: refs resolve against the file's own location").isFalse();
    assertThat(doc.path("title").asString()).isNotBlank();
    assertThat(doc.path("description").asString()).isNotBlank();
    List<String> problems = new ArrayList<>();
    checkClosedAndDescribed(doc, "#", problems);
    assertThat(problems).isEmpty();
  }

  static List<String> allSchemaFiles() {
    List<String> files = new ArrayList<>(List.of(ROOT_SCHEMA, "schemas/resources/common.schema.json"));
    ResourceRegistry.all().forEach(d -> files.add("schemas/" + d.schemaFile()));
    return files;
  }

  // ---- networknt validates the examples and rejects bad documents ----

  static List<String> exampleFiles() throws IOException {
    try (Stream<Path> list = Files.list(EXAMPLES)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .sorted()
          .toList();
    }
  }

  /** One example file per YAML section, named after it: copilot.yaml, people.yaml, organization.yaml, users.yaml. */
  @Test
  void theExamplesCoverEverySection() throws IOException {
    List<String> files = new ArrayList<>();
    ResourceRegistry.tenantScoped().stream().map(d -> d.yamlSection() + ".yaml").distinct().forEach(files::add);
    files.add("users.yaml");
    assertThat(exampleFiles()).containsAll(files);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleFiles")
  void exampleIsValid(String name) throws IOException {
    String text = Files.readString(EXAMPLES.resolve(name));
    assertThat(text).startsWith("#");
    assertThat(text).contains("# yaml-language-server: $schema=../schemas/desired-state.schema.json\n");
    assertThat(DESIRED_STATE.validate(yaml(text))).isEmpty();
  }

  /** A bad document, the one error it must give, and where. */
  record BadCase(String name, String yaml, String keyword, String instanceLocation, String property) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<BadCase> badCases() {
    return List.of(
        new BadCase(
            "typo in a resource name",
            "copilot:\n  enhancedPersonalisation:\n    isEnabledInOrganization: true\n",
            "additionalProperties",
            "/copilot",
            "enhancedPersonalisation"),
        new BadCase(
            "typo in a property name",
            "people:\n  itemInsights:\n    isEnabledInOrganisation: true\n",
            "additionalProperties",
            "/people/itemInsights",
            "isEnabledInOrganisation"),
        new BadCase(
            "yes is a string in YAML 1.2, not a boolean",
            "people:\n  pronouns:\n    isEnabledInOrganization: yes\n",
            "type",
            "/people/pronouns/isEnabledInOrganization",
            null),
        new BadCase(
            "group id that is a number (any string is taken: Graph types it Edm.String)",
            "copilot:\n  enhancedPersonalization:\n    disabledForGroup: 42\n",
            "type",
            "/copilot/enhancedPersonalization/disabledForGroup",
            null),
        new BadCase(
            "unknown policy setting id",
            "copilot:\n  policySettings:\n    microsoft.copilot.pinsetting:\n      value: \"1\"\n",
            "additionalProperties",
            "/copilot/policySettings",
            "microsoft.copilot.pinsetting"),
        new BadCase(
            "unquoted policy value",
            "copilot:\n  policySettings:\n    microsoft.copilot.allowwebsearch:\n      value: 1\n",
            "type",
            "/copilot/policySettings/microsoft.copilot.allowwebsearch/value",
            null),
        new BadCase(
            "policy setting without value",
            "copilot:\n  policySettings:\n    microsoft.copilot.allowwebsearch:\n      policyId: null\n",
            "required",
            "/copilot/policySettings/microsoft.copilot.allowwebsearch",
            "value"),
        new BadCase(
            "limited mode enabled without groupId",
            "copilot:\n  limitedMode:\n    isEnabledForGroup: true\n",
            "required",
            "/copilot/limitedMode",
            "groupId"),
        new BadCase(
            "limited mode enabled with a null groupId",
            "copilot:\n  limitedMode:\n    isEnabledForGroup: true\n    groupId: null\n",
            "type",
            "/copilot/limitedMode/groupId",
            null),
        new BadCase(
            "unknown photo source",
            "people:\n  photoUpdateSettings:\n    source: onPrem\n",
            "enum",
            "/people/photoUpdateSettings/source",
            null),
        new BadCase(
            "profile card property Graph doesn't allow",
            "people:\n  profileCardProperties:\n    CustomAttribute16: {}\n",
            "propertyNames",
            "/people/profileCardProperties",
            "CustomAttribute16"),
        new BadCase(
            "localization without languageTag",
            "people:\n  profileCardProperties:\n    Fax:\n      annotations:\n"
                + "        - displayName: Fax\n          localizations:\n            - displayName: Telefax\n",
            "required",
            "/people/profileCardProperties/Fax/annotations/0/localizations/0",
            "languageTag"),
        new BadCase(
            "user key that is not a UPN",
            "users:\n  adele:\n    interests: {}\n",
            "propertyNames",
            "/users",
            "adele"),
        new BadCase(
            "collaboration tag that is not a string (any string is taken: Graph types tags Edm.String)",
            "users:\n  adele.vance@contoso.com:\n    interests:\n      Hiking:\n"
                + "        collaborationTags: [askMeAbout, 7]\n",
            "type",
            "/users/adele.vance@contoso.com/interests/Hiking/collaborationTags/1",
            null),
        new BadCase(
            "audiences joined with a space",
            "users:\n  adele.vance@contoso.com:\n    interests:\n      Hiking:\n"
                + "        allowedAudiences: me, organization\n",
            "pattern",
            "/users/adele.vance@contoso.com/interests/Hiking/allowedAudiences",
            null),
        new BadCase(
            "prune of a singleton",
            "prune: [people.pronouns]\n",
            "enum",
            "/prune/0",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCases")
  void badDocumentFailsWithOneError(BadCase c) {
    List<Error> errors = DESIRED_STATE.validate(yaml(c.yaml()));
    assertThat(errors).hasSize(1);
    Error e = errors.get(0);
    assertThat(e.getKeyword()).isEqualTo(c.keyword());
    assertThat(e.getInstanceLocation().toString()).isEqualTo(c.instanceLocation());
    assertThat(e.getProperty()).isEqualTo(c.property());
  }

  /**
   * For "did you mean": networknt's additionalProperties error carries the {@code false} node itself, not the object
   * schema; the allowed names sit in the {@code properties} of the parent of its schema location.
   */
  @Test
  void allowedNamesOfAnAdditionalPropertiesErrorAreFoundFromItsSchemaLocation() {
    Error e =
        DESIRED_STATE
            .validate(yaml("copilot:\n  policySettings:\n    microsoft.copilot.allowwebserch: {value: \"1\"}\n"))
            .get(0);
    assertThat(e.getSchemaNode().isBoolean()).isTrue();
    SchemaLocation at = e.getSchemaLocation();
    assertThat(at.toString())
        .isEqualTo("classpath:schemas/resources/copilot.policySettings.schema.json#/additionalProperties");
    Schema objectSchema =
        REGISTRY.getSchema(new SchemaLocation(at.getAbsoluteIri(), at.getFragment().getParent()));
    assertThat(objectSchema.getSchemaNode().get("properties").propertyNames())
        .contains("microsoft.copilot.allowwebsearch");
  }

  /**
   * Graph matches a card property's directoryPropertyName ignoring case, so the schema names the documented spellings
   * (for editors) and takes every one of them in any letter case, and nothing else: its pattern spells each letter
   * as a class ([Cc]), which every JSON Schema engine reads alike, where an inline (?i) flag is not ECMA-262.
   */
  @Test
  void profileCardKeysAreTheDocumentedNamesInAnyLetterCase() {
    JsonNode doc = classpathJson("schemas/resources/people.profileCardProperties.schema.json");
    List<String> documented = org.settingsreconciler.resource.defs.ProfileCardProperties.DIRECTORY_PROPERTY_NAMES;
    assertThat(propertyNames(doc)).containsExactlyElementsOf(documented);
    java.util.regex.Pattern keys = java.util.regex.Pattern.compile(doc.at("/propertyNames/pattern").asString());
    for (String name : documented) {
      for (String spelling : List.of(name, name.toLowerCase(java.util.Locale.ROOT),
          name.toUpperCase(java.util.Locale.ROOT), Character.toLowerCase(name.charAt(0)) + name.substring(1))) {
        assertThat(keys.matcher(spelling).matches()).as(spelling).isTrue();
      }
    }
    for (String other : List.of("CustomAttribute0", "CustomAttribute16", "customattribute01", "Faxx", "", "Alias ")) {
      assertThat(keys.matcher(other).matches()).as(other).isFalse();
    }
    assertThat(DESIRED_STATE.validate(yaml("people:\n  profileCardProperties:\n    customATTRIBUTE15: {}\n"
        + "    FAX: {isVisible: false}\n"))).isEmpty();
  }

  // ---- helpers ----

  private static JsonNode yaml(String text) {
    Load load = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(false).build());
    return JSON.valueToTree(load.loadFromString(text));
  }

  private static JsonNode classpathJson(String resource) {
    try (InputStream in = SchemaMatchesDescriptorsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> propertyNames(JsonNode objectSchema) {
    JsonNode properties = objectSchema.path("properties");
    return properties.isObject() ? new LinkedHashSet<>(properties.propertyNames()) : Set.of();
  }

  /** Follows a same-document {@code $ref} ({@code #/$defs/x}); other nodes are returned as they are. */
  private static JsonNode resolveLocal(JsonNode doc, JsonNode node) {
    String ref = node.path("$ref").asString("");
    return ref.startsWith("#") ? doc.at(ref.substring(1)) : node;
  }

  /** A collection is a map: its items are the schemas of its named keys and of any other key. */
  private static List<JsonNode> collectionItemSchemas(JsonNode doc) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode other = doc.get("additionalProperties");
    if (other != null && other.isObject()) {
      items.add(resolveLocal(doc, other));
    }
    doc.path("properties").forEach(p -> items.add(resolveLocal(doc, p)));
    return items;
  }

  /**
   * Every object schema says what it does with unknown keys, and every property says what it is (a property that
   * only points at another file takes that file's description).
   */
  private static void checkClosedAndDescribed(JsonNode node, String where, List<String> problems) {
    if (node.isObject()) {
      // if/then only add conditions to the object schema that holds them.
      boolean conditional = where.endsWith("/if") || where.endsWith("/then");
      boolean objectSchema = node.has("properties") || "object".equals(node.path("type").asString(""));
      if (objectSchema && !conditional && !node.has("additionalProperties")) {
        problems.add(where + ": object without additionalProperties");
      }
      if (node.path("properties").isObject()) {
        for (Map.Entry<String, JsonNode> p : node.get("properties").properties()) {
          JsonNode prop = p.getValue();
          boolean external = prop.has("$ref") && !prop.get("$ref").asString().startsWith("#");
          if (!prop.has("description") && !external && !conditional) {
            problems.add(where + "/properties/" + p.getKey() + ": no description");
          }
        }
      }
      for (Map.Entry<String, JsonNode> child : node.properties()) {
        checkClosedAndDescribed(child.getValue(), where + "/" + child.getKey(), problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkClosedAndDescribed(node.get(i), where + "/" + i, problems);
      }
    }
  }
}
