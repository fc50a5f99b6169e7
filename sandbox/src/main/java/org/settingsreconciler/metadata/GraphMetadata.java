package org.settingsreconciler.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One version's slice of Microsoft's Graph CSDL, as {@code src/main/resources/metadata/slice_metadata.py} writes it
 * (see the README beside the slices): the in-scope types with their properties, enums and the paths that reach them.
 * The sandbox judges request bodies by it, and MetadataConformanceTest holds the descriptors and schemas against it:
 * one set of facts for both. The generative round trip draws tenant values from these types.
 */
public final class GraphMetadata {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A structural property: {@code type} is qualified ({@code microsoft.graph.x}, {@code Collection(Edm.String)}). */
  public record Property(String name, String type, boolean nullable) {
    public boolean isCollection() {
      return type.startsWith("Collection(");
    }

    /** The type of the value, or of each item of a collection. */
    public String elementType() {
      return isCollection() ? type.substring("Collection(".length(), type.length() - 1) : type;
    }
  }

  public record EnumType(boolean flags, List<String> members) {}

  /**
   * An action bound to a type ({@code POST .../{id}/<name>}): the type its binding parameter names, and its other
   * parameters, which are what its body carries.
   */
  public record Action(String name, String boundTo, List<Property> parameters) {}

  /** Where a Graph path leads: a type (an item of it when {@code collection}), or why it leads nowhere. */
  public record PathTarget(String type, boolean collection, String missing) {}

  private final JsonNode doc;

  private GraphMetadata(JsonNode doc) {
    this.doc = doc;
  }

  private static final Map<String, GraphMetadata> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  /** The slice of {@code version} ("beta", "v1.0") from the classpath, read once. */
  public static GraphMetadata load(String version) {
    return LOADED.computeIfAbsent(version, GraphMetadata::read);
  }

  private static GraphMetadata read(String version) {
    String resource = "metadata/" + version + ".json";
    try (InputStream in = GraphMetadata.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new GraphMetadata(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GraphMetadata of(JsonNode doc) {
    return new GraphMetadata(doc);
  }

  public JsonNode document() {
    return doc;
  }

  /** For messages: the version, and the repository, file and commit the slice was cut from. */
  public String label() {
    JsonNode source = doc.path("source");
    return source.path("version").asString() + " metadata (" + source.path("repository").asString() + " "
        + source.path("path").asString() + " at " + source.path("commit").asString() + ")";
  }

  public JsonNode scope() {
    return doc.path("scope");
  }

  public Optional<PathTarget> path(String graphPath) {
    JsonNode target = doc.path("paths").get(graphPath);
    if (target == null) {
      return Optional.empty();
    }
    return Optional.of(
        new PathTarget(
            target.path("type").asString(null),
            target.path("collection").asBoolean(false),
            target.path("missing").asString(null)));
  }

  public boolean isEntity(String type) {
    return doc.path("entityTypes").has(type);
  }

  public boolean isComplex(String type) {
    return doc.path("complexTypes").has(type);
  }

  public boolean isEnum(String type) {
    return doc.path("enumTypes").has(type);
  }

  /** An entity or complex type kept whole (not only the navigation on a path). */
  public boolean hasWholeType(String type) {
    JsonNode node = structured(type);
    return node != null && !node.has("partial");
  }

  public EnumType enumType(String type) {
    JsonNode node = doc.path("enumTypes").get(type);
    if (node == null) {
      throw new IllegalArgumentException(type + " is not an enum type of the slice");
    }
    List<String> members = new ArrayList<>();
    node.path("members").forEach(m -> members.add(m.path("name").asString()));
    return new EnumType(node.path("isFlags").asBoolean(false), members);
  }

  /** The structural properties of a type kept whole, its base types' first, by name. */
  public Map<String, Property> properties(String type) {
    List<JsonNode> chain = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name = type; name != null; ) {
      JsonNode node = structured(name);
      if (node == null || node.has("partial") || !seen.add(name)) {
        throw new IllegalArgumentException(name + " is not kept whole in the " + label());
      }
      chain.add(0, node);
      name = node.path("baseType").asString(null);
    }
    Map<String, Property> out = new LinkedHashMap<>();
    for (JsonNode node : chain) {
      for (JsonNode p : node.path("properties")) {
        out.put(
            p.path("name").asString(),
            new Property(p.path("name").asString(), p.path("type").asString(), p.path("nullable").asBoolean(true)));
      }
    }
    return out;
  }

  /**
   * The actions bound to {@code type} or to one of its base types (an action bound to copilotPackage applies to a
   * copilotPackageDetail too), by name.
   */
  public Map<String, Action> actions(String type) {
    Set<String> chain = new LinkedHashSet<>();
    for (String name = type; name != null && chain.add(name); ) {
      JsonNode node = structured(name);
      name = node == null ? null : node.path("baseType").asString(null);
    }
    Map<String, Action> out = new LinkedHashMap<>();
    for (JsonNode a : doc.path("actions")) {
      String boundTo = a.path("bindingParameter").path("type").asString(null);
      if (boundTo != null && chain.contains(boundTo)) {
        List<Property> parameters = new ArrayList<>();
        a.path("parameters").forEach(p -> parameters.add(
            new Property(p.path("name").asString(), p.path("type").asString(), p.path("nullable").asBoolean(true))));
        out.put(a.path("name").asString(), new Action(a.path("name").asString(), boundTo, List.copyOf(parameters)));
      }
    }
    return out;
  }

  private JsonNode structured(String type) {
    JsonNode node = doc.path("entityTypes").get(type);
    return node != null ? node : doc.path("complexTypes").get(type);
  }
}
