package org.settingsreconciler.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.metadata.GraphMetadata;
import org.settingsreconciler.metadata.GraphMetadata.Property;
import tools.jackson.databind.JsonNode;

/**
 * Judges a written value by the type Microsoft's metadata gives its property (the slice in
 * {@code src/main/resources/metadata/}, the one the tool's MetadataConformanceTest holds its descriptors against),
 * so the sandbox refuses with 400 exactly what Graph's types refuse: the wrong JSON type, null where the property is
 * not nullable, a string that is no member of its enum (several joined by commas for a flags enum), and, inside a
 * complex value, a property its type lacks.
 *
 * <p>A collection's CSDL {@code Nullable} speaks of its items; a null written for the whole collection is taken
 * where that flag is set, as Graph answers such collections with null (docs/graph-facts.md 5), and null items are
 * refused.
 */
final class MetadataValues {

  private final GraphMetadata metadata;
  private final Map<String, Property> properties;

  /** By the metadata of beta, where the endpoint has it, else of the version it has: for what every version shares. */
  MetadataValues(Endpoint e) {
    this(e, e.versions().contains(ApiVersion.BETA) ? ApiVersion.BETA : e.versions().iterator().next());
  }

  /** By the metadata of {@code version}: a write is judged by the metadata of the version it came in. */
  MetadataValues(Endpoint e, ApiVersion version) {
    this.metadata = GraphMetadata.load(version.segment());
    Map<String, Property> all = new LinkedHashMap<>(metadata.properties(e.entityType()));
    // Documented but missing from the published metadata (photoUpdateSettings.source): nullable, of the given type.
    e.notInMetadata().forEach((name, type) -> all.putIfAbsent(name, new Property(name, type, true)));
    this.properties = Collections.unmodifiableMap(all);
  }

  /** The property as the metadata (or the docs, where it lacks one) has it; empty for a property the type lacks. */
  Optional<Property> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /** Every structural property of the type, its base types' included ({@code id} too), by name. */
  Map<String, Property> properties() {
    return properties;
  }

  /** Throws Graph's 400 when {@code value} does not fit {@code p}. */
  void check(Property p, JsonNode value) {
    check(p.name(), p, value);
  }

  private void check(String path, Property p, JsonNode value) {
    if (value == null || value.isNull()) {
      if (!p.nullable()) {
        throw GraphErrors.invalidRequest("The property '" + path + "' cannot be null.");
      }
      return;
    }
    if (!p.isCollection()) {
      single(path, p.type(), value);
      return;
    }
    if (!value.isArray()) {
      throw refused(path, p.type(), value);
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (item.isNull()) {
        throw refused(path + "[" + i + "]", p.elementType(), item);
      }
      single(path + "[" + i + "]", p.elementType(), item);
    }
  }

  private void single(String path, String type, JsonNode value) {
    if (metadata.isEnum(type)) {
      enumeration(path, type, value);
    } else if (metadata.isComplex(type)) {
      complex(path, type, value);
    } else if (!primitiveFits(type, value)) {
      throw refused(path, type, value);
    }
  }

  private void enumeration(String path, String type, JsonNode value) {
    GraphMetadata.EnumType e = metadata.enumType(type);
    if (!value.isString()) {
      throw refused(path, type, value);
    }
    String[] members = e.flags() ? value.asString().split(",", -1) : new String[] {value.asString()};
    for (String member : members) {
      if (!e.members().contains(e.flags() ? member.trim() : member)) {
        throw GraphErrors.invalidRequest("The value '" + value.asString() + "' of property '" + path + "' is not a "
            + "valid " + type.substring(type.lastIndexOf('.') + 1) + " (" + String.join(", ", e.members()) + ").");
      }
    }
  }

  private void complex(String path, String type, JsonNode value) {
    if (!value.isObject()) {
      throw refused(path, type, value);
    }
    Map<String, Property> fields = metadata.properties(type);
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (field.getKey().startsWith("@odata.")) {
        continue;
      }
      Property f = fields.get(field.getKey());
      if (f == null) {
        throw GraphErrors.invalidRequest("The property '" + field.getKey() + "' does not exist on type '" + type
            + "'. Make sure to only use property names that are defined by the type.");
      }
      check(path + "." + f.name(), f, field.getValue());
    }
  }

  /** Whether a JSON value is how OData's JSON format writes a primitive of {@code type}. */
  private static boolean primitiveFits(String type, JsonNode value) {
    return switch (type) {
      case "Edm.Boolean" -> value.isBoolean();
      case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64" -> value.isIntegralNumber();
      case "Edm.Single", "Edm.Double", "Edm.Decimal" -> value.isNumber();
      default -> value.isString(); // Edm.String, Edm.Guid, Edm.DateTimeOffset, Edm.Date, Edm.Duration, ...
    };
  }

  private static GraphErrorException refused(String path, String type, JsonNode value) {
    return GraphErrors.invalidRequest("Invalid value for property '" + path + "': expected " + type + ", got " + value
        + ".");
  }
}
