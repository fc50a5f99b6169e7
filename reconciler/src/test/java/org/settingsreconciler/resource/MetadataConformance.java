package org.settingsreconciler.resource;

import org.settingsreconciler.metadata.GraphMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.metadata.GraphMetadata.Property;
import tools.jackson.databind.JsonNode;

/**
 * Holds every resource descriptor, and the JSON Schema of its YAML, against Microsoft's metadata. Each way they
 * differ is a {@link Finding}: a property we manage that Graph lacks or types otherwise, a property Graph has that
 * we do not manage, and a schema that refuses a value Graph's type allows (a pattern or enum on a string, an enum
 * missing a member, null refused where the metadata says nullable, ...).
 *
 * <p>Not judged, on purpose: whether the items of a collection may be null (CSDL's Nullable on a collection speaks of
 * its items, and no Graph answer for these resources holds null items), conditional rules ({@code if}/{@code then}),
 * and {@code required} (a tenant's object always has every property, so export can always write it).
 */
final class MetadataConformance {

  /** One disagreement: where (resource type and property path) and what, both as listed in the differences file. */
  record Finding(String where, String difference) implements Comparable<Finding> {
    @Override
    public int compareTo(Finding o) {
      int byWhere = where.compareTo(o.where);
      return byWhere != 0 ? byWhere : difference.compareTo(o.difference);
    }

    @Override
    public String toString() {
      return where + " | " + difference;
    }
  }

  private final GraphMetadata metadata;
  private final Function<ResourceDescriptor, ResourceSchema.Node> schemas;
  private final SortedSet<Finding> findings = new TreeSet<>();

  private MetadataConformance(GraphMetadata metadata, Function<ResourceDescriptor, ResourceSchema.Node> schemas) {
    this.metadata = metadata;
    this.schemas = schemas;
  }

  /** Every disagreement between the descriptors (and the schemas {@code schemas} gives for them) and the metadata. */
  static SortedSet<Finding> check(
      List<ResourceDescriptor> descriptors,
      GraphMetadata metadata,
      Function<ResourceDescriptor, ResourceSchema.Node> schemas) {
    MetadataConformance check = new MetadataConformance(metadata, schemas);
    descriptors.forEach(check::descriptor);
    return check.findings;
  }

  /**
   * Where the descriptors' Graph versions ({@link ResourceDescriptor#versions()}) disagree with one version's
   * metadata: a resource declared in {@code version} that its metadata lacks (the type, or the path to it), and one
   * its metadata has (type and path) that is not declared in it. The tool sends a resource to v1.0 wherever it says
   * it is there, and to beta only where it says it is not.
   */
  static SortedSet<Finding> versions(List<ResourceDescriptor> descriptors, GraphVersion version, GraphMetadata metadata) {
    SortedSet<Finding> out = new TreeSet<>();
    for (ResourceDescriptor d : descriptors) {
      String type = typeOf(d);
      GraphMetadata.PathTarget target = metadata.path(d.path()).orElse(null);
      String lacks = !metadata.hasWholeType(type) ? "type " + type + " absent"
          : target == null ? "path " + d.path() + " not in the slice's scope"
          : target.missing() != null ? target.missing() : null;
      boolean declared = d.versions().contains(version);
      if (declared && lacks != null) {
        out.add(new Finding(d.type(), "declared in " + version + ", which lacks it: " + lacks));
      } else if (!declared && lacks == null) {
        out.add(new Finding(d.type(), "in the " + version + " metadata, not declared in " + version));
      }
    }
    return out;
  }

  /** The schema file a descriptor names, from the classpath. */
  static ResourceSchema.Node schemaOf(ResourceDescriptor d) {
    return ResourceSchema.load(d.schemaFile());
  }

  /** The odataType without its leading '#': the qualified type name the metadata uses. */
  static String typeOf(ResourceDescriptor d) {
    return d.odataType().startsWith("#") ? d.odataType().substring(1) : d.odataType();
  }

  /** The property that keys items in YAML: the collection key, or {@code id} for fixed ids; none for singletons. */
  static String keyPropertyOf(ResourceDescriptor d) {
    return switch (d.shape()) {
      case SINGLETON -> null;
      case FIXED_IDS -> "id";
      case COLLECTION, CATALOG -> d.key().property();
    };
  }

  private void add(String where, String difference) {
    findings.add(new Finding(where, difference));
  }

  // ---- the descriptor ----

  private void descriptor(ResourceDescriptor d) {
    String type = typeOf(d);
    if (!metadata.hasWholeType(type)) {
      add(d.type(), "type " + type + " not in the metadata");
      return;
    }
    path(d, type);
    Map<String, Property> graph = metadata.properties(type);
    String key = keyPropertyOf(d);
    if (key != null && !graph.containsKey(key)) {
      add(d.type() + "." + key, "key, not in the metadata");
    } else if (key != null && !graph.get(key).type().equals("Edm.String")) {
      // YAML keys are strings: a key Graph types otherwise could not be written as Graph has it.
      add(d.type() + "." + key, "key of type " + graph.get(key).type() + ", not Edm.String");
    }
    Set<String> managed = new LinkedHashSet<>();
    for (PropertySpec spec : d.properties()) {
      managed.add(spec.name());
      Property p = graph.get(spec.name());
      if (p == null) {
        add(d.type() + "." + spec.name(), "managed, not in the metadata");
        continue;
      }
      String mismatch = kindMismatch(spec.kind(), p);
      if (mismatch != null) {
        add(d.type() + "." + spec.name(), mismatch);
      }
    }
    for (Property p : graph.values()) {
      if (!managed.contains(p.name()) && !p.name().equals(key)) {
        add(d.type() + "." + p.name(), "not managed");
      }
    }
    actions(d, type);
    schema(d, type, graph);
  }

  /**
   * The descriptor's actions against those Graph binds to the type: each one there, with exactly the parameter it
   * sends (of a type its property's kind reads); and each bound action the tool does not send, listed.
   */
  private void actions(ResourceDescriptor d, String type) {
    Map<String, GraphMetadata.Action> graph = metadata.actions(type);
    for (BoundAction a : d.actions()) {
      GraphMetadata.Action g = graph.get(a.name());
      String where = d.type() + "/" + a.name();
      if (g == null) {
        add(where, "action, not in the metadata");
        continue;
      }
      List<String> sent = a.parameter() == null ? List.of() : List.of(a.parameter());
      List<String> documented = g.parameters().stream().map(Property::name).toList();
      if (!sent.equals(documented)) {
        add(where, "sends parameters " + sent + ", the metadata has " + documented);
      } else if (a.parameter() != null) {
        String mismatch = kindMismatch(d.property(a.property()).orElseThrow().kind(), g.parameters().get(0));
        if (mismatch != null) {
          add(where + "." + a.parameter(), mismatch);
        }
      }
    }
    for (String name : graph.keySet()) {
      if (d.action(name).isEmpty()) {
        add(d.type() + "/" + name, "action not sent");
      }
    }
  }

  private void path(ResourceDescriptor d, String type) {
    GraphMetadata.PathTarget target = metadata.path(d.path()).orElse(null);
    if (target == null) {
      add(d.type(), "path " + d.path() + " not in the slice's scope");
      return;
    }
    if (target.missing() != null) {
      add(d.type(), "path " + d.path() + " leads nowhere: " + target.missing());
      return;
    }
    if (!target.type().equals(type)) {
      add(d.type(), "path " + d.path() + " reaches " + target.type());
    }
    boolean collection = d.shape() != Shape.SINGLETON;
    if (target.collection() != collection) {
      add(d.type(), "path " + d.path() + (target.collection() ? " is a collection" : " is a single object"));
    }
  }

  /** Why a value kind does not read a metadata type as Graph writes it, or null when it does. */
  private String kindMismatch(ValueKind kind, Property p) {
    String element = p.elementType();
    boolean stringLike = element.equals("Edm.String") || metadata.isEnum(element);
    boolean fits =
        switch (kind) {
          case BOOLEAN -> !p.isCollection() && element.equals("Edm.Boolean");
          case STRING -> !p.isCollection() && stringLike;
          case GUID, GROUP_ID, USER_ID -> !p.isCollection() && element.equals("Edm.Guid");
          case STRING_SET, STRING_LIST -> p.isCollection() && stringLike;
          case OBJECT_LIST, USERS_AND_GROUPS -> p.isCollection() && metadata.isComplex(element);
        };
    if (fits) {
      return null;
    }
    boolean id = kind == ValueKind.GUID || kind == ValueKind.GROUP_ID || kind == ValueKind.USER_ID;
    if (id && !p.isCollection() && element.equals("Edm.String")) {
      return "kind " + kind + " reads an Edm.String as a GUID";
    }
    return "kind " + kind + " does not fit " + p.type();
  }

  // ---- the schema ----

  private void schema(ResourceDescriptor d, String type, Map<String, Property> graph) {
    ResourceSchema.Node root = ResourceSchema.resolve(schemas.apply(d));
    List<ResourceSchema.Node> objects = new ArrayList<>();
    switch (d.shape()) {
      case SINGLETON -> objects.add(root);
      case FIXED_IDS, COLLECTION, CATALOG -> {
        keys(d, root, graph);
        ResourceSchema.Node other = ResourceSchema.child(root, "additionalProperties");
        if (other != null) {
          objects.add(other);
        }
        JsonNode named = root.get("properties");
        if (named != null) {
          named.propertyNames().forEach(n -> objects.add(ResourceSchema.resolve(child(root, named.get(n)))));
        }
      }
    }
    for (ResourceSchema.Node object : objects) {
      JsonNode properties = object.get("properties");
      if (properties == null) {
        continue;
      }
      for (String name : properties.propertyNames()) {
        Property p = graph.get(name);
        if (p != null) { // a property Graph lacks is reported once, by the descriptor check
          value(d.type() + "." + name, ResourceSchema.resolve(child(object, properties.get(name))), p);
        }
      }
    }
  }

  /** How the YAML keys of a keyed resource (fixed ids, collections) compare with the key property's type. */
  private void keys(ResourceDescriptor d, ResourceSchema.Node root, Map<String, Property> graph) {
    String key = keyPropertyOf(d);
    Property p = graph.get(key);
    if (p == null) {
      return;
    }
    String where = d.type() + "." + key;
    JsonNode other = root.get("additionalProperties");
    if (other != null && other.isBoolean() && !other.asBoolean()) {
      add(where, "schema: keys limited to the listed names");
    }
    JsonNode names = root.get("propertyNames");
    if (names != null && names.has("pattern")) {
      add(where, "schema: keys limited by a pattern");
    }
    boolean emptyRefused = names != null && names.path("minLength").asInt(0) > 0;
    boolean emptyHasAlias = d.shape() == Shape.COLLECTION && d.key().emptyKeyAlias() != null;
    if (emptyRefused && !emptyHasAlias) {
      add(where, "schema: empty key refused");
    }
  }

  /** One value: the schema node that takes it and the metadata type Graph gives it. */
  private void value(String where, ResourceSchema.Node schema, Property p) {
    if (p.isCollection()) {
      collection(where, schema, p.elementType());
      return;
    }
    if (p.nullable() && !schema.allows("null")) {
      add(where, "schema: null refused, metadata nullable");
    }
    single(where, schema, p.type());
  }

  private void collection(String where, ResourceSchema.Node schema, String elementType) {
    if (!schema.allows("array")) {
      add(where, "schema: type " + schema.types() + " does not take a collection");
      return;
    }
    if (schema.get("uniqueItems") != null && schema.get("uniqueItems").asBoolean()) {
      add(where, "schema: uniqueItems on a collection");
    }
    if (schema.get("minItems") != null || schema.get("maxItems") != null) {
      add(where, "schema: item count limited");
    }
    ResourceSchema.Node items = ResourceSchema.child(schema, "items");
    if (items != null) {
      single(where + "[]", items, elementType);
    }
  }

  private void single(String where, ResourceSchema.Node schema, String type) {
    if (metadata.isEnum(type)) {
      enumeration(where, schema, type);
    } else if (metadata.isComplex(type)) {
      complex(where, schema, type);
    } else if (type.equals("Edm.String")) {
      string(where, schema);
    } else {
      String json = jsonTypeOf(type);
      if (!schema.allows(json)) {
        add(where, "schema: type " + schema.types() + " does not take " + type);
      }
    }
  }

  /** The JSON type Graph writes a primitive as (OData JSON format, without IEEE754Compatible). */
  private static String jsonTypeOf(String edmType) {
    return switch (edmType) {
      case "Edm.Boolean" -> "boolean";
      case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64" -> "integer";
      case "Edm.Single", "Edm.Double", "Edm.Decimal" -> "number";
      case "Edm.Guid", "Edm.Date", "Edm.DateTimeOffset", "Edm.Duration", "Edm.TimeOfDay", "Edm.Binary" -> "string";
      default -> throw new IllegalStateException("MetadataConformance does not judge " + edmType + " yet; extend it");
    };
  }

  private void string(String where, ResourceSchema.Node schema) {
    if (!schema.allows("string")) {
      add(where, "schema: type " + schema.types() + " does not take Edm.String");
      return;
    }
    for (String keyword : new String[] {"pattern", "enum", "const", "maxLength"}) {
      if (schema.has(keyword)) {
        add(where, "schema: " + keyword + " on Edm.String");
      }
    }
    if (schema.has("format")) {
      add(where, "schema: format " + schema.get("format").asString() + " on Edm.String");
    }
    if (schema.get("minLength") != null && schema.get("minLength").asInt() > 0) {
      add(where, "schema: minLength on Edm.String");
    }
  }

  private void enumeration(String where, ResourceSchema.Node schema, String type) {
    GraphMetadata.EnumType e = metadata.enumType(type);
    List<String> refused = e.members().stream().filter(m -> !schema.acceptsString(m)).toList();
    if (!refused.isEmpty()) {
      add(where, "schema: refuses " + type + " members " + String.join(", ", refused));
    }
    if (e.flags() && e.members().size() > 2) {
      // Graph writes a flags value as its members joined by commas, e.g. "me,organization".
      String combination = e.members().get(1) + "," + e.members().get(2);
      if (!schema.acceptsString(combination)) {
        add(where, "schema: refuses combined flags such as " + combination);
      }
    }
  }

  private void complex(String where, ResourceSchema.Node schema, String type) {
    if (!schema.allows("object")) {
      add(where, "schema: type " + schema.types() + " does not take " + type);
      return;
    }
    Map<String, Property> graph = metadata.properties(type);
    JsonNode properties = schema.get("properties");
    Set<String> described = new LinkedHashSet<>();
    if (properties != null) {
      for (String name : properties.propertyNames()) {
        described.add(name);
        Property p = graph.get(name);
        if (p == null) {
          add(where + "." + name, "schema: not in " + type);
        } else {
          value(where + "." + name, ResourceSchema.resolve(child(schema, properties.get(name))), p);
        }
      }
    }
    JsonNode other = schema.get("additionalProperties");
    if (other != null && other.isBoolean() && !other.asBoolean()) {
      for (Property p : graph.values()) {
        if (!described.contains(p.name())) {
          add(where + "." + p.name(), "schema: refuses it, metadata has it");
        }
      }
    }
  }

  private static ResourceSchema.Node child(ResourceSchema.Node parent, JsonNode json) {
    return new ResourceSchema.Node(json, parent.file());
  }
}
