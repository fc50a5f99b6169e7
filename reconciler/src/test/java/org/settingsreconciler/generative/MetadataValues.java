package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.settingsreconciler.metadata.GraphMetadata;
import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values of the types in Microsoft's metadata slice ({@code sandbox/src/main/resources/metadata/beta.json}): any string for
 * {@code Edm.String}, null where a property is nullable, every member of an enum ({@code unknownFutureValue}
 * included; flag enums as comma-joined members), complex types with every property, and collections empty, small or
 * large. What Graph's types allow is what a tenant may hold; {@link TenantGenerator} and {@link DesiredGenerator}
 * narrow it only where Graph's documented behaviour does.
 */
final class MetadataValues {

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  static final GraphMetadata BETA = GraphMetadata.load("beta");

  private final SplittableRandom r;

  MetadataValues(SplittableRandom r) {
    this.r = r;
  }

  /** The metadata type a descriptor manages, e.g. {@code microsoft.graph.personInterest}. */
  static String typeOf(ResourceDescriptor d) {
    return d.odataType().substring(1);
  }

  /** Every structural property of a type, its base types' too, as the metadata declares them. */
  /** Whether Microsoft's metadata lets {@code d}'s property be null (what PropertySpec once said by hand). */
  static boolean nullable(ResourceDescriptor d, String property) {
    GraphMetadata.Property p = properties(typeOf(d)).get(property);
    return p != null && p.nullable();
  }

  static Map<String, GraphMetadata.Property> properties(String type) {
    return BETA.properties(type);
  }

  static List<String> enumMembers(String type) {
    return BETA.enumType(type).members();
  }

  /**
   * A value of {@code p}'s type: null sometimes where it is nullable. A collection is never null here: CSDL's
   * {@code Nullable} on a collection speaks of its items (see docs/metadata-differences.md); the collections Graph
   * does answer null for are the ones the descriptors say may be ({@link TenantGenerator}).
   */
  JsonNode of(GraphMetadata.Property p) {
    if (p.type().equals("Edm.Stream")) {
      return JSON.nullNode(); // a stream's content is no JSON value: Graph answers it by its own link, not inline
    }
    if (p.nullable() && !p.isCollection() && r.nextInt(7) == 0) {
      return JSON.nullNode();
    }
    if (p.isCollection()) {
      ArrayNode out = JSON.arrayNode();
      // A collection inside a complex value (an annotation's localizations) stays small: large ones there would
      // only make every case slower, and large collections are drawn one level up.
      int n = BETA.isComplex(p.elementType()) ? r.nextInt(4) : size();
      for (int i = 0; i < n; i++) {
        out.add(single(p.elementType()));
      }
      return out;
    }
    return single(p.type());
  }

  /** One value of a non-collection type, never null. */
  JsonNode single(String type) {
    switch (type) {
      case "Edm.String":
        return JSON.stringNode(GeneratedText.any(r));
      case "Edm.Boolean":
        return JSON.booleanNode(r.nextBoolean());
      case "Edm.Double":
        return JSON.numberNode(r.nextInt(3) == 0 ? r.nextInt(2) : r.nextDouble());
      case "Edm.DateTimeOffset":
        return JSON.stringNode(java.time.Instant.ofEpochSecond(1_600_000_000L + r.nextInt(200_000_000)).toString());
      case "Edm.Untyped":
        // Any JSON; the docs' example (an agent element's definition) is JSON text in a string.
        return JSON.stringNode(GeneratedText.any(r));
      default:
        break;
    }
    if (BETA.isEnum(type)) {
      return JSON.stringNode(enumValue(type));
    }
    if (BETA.isComplex(type)) {
      ObjectNode out = JSON.objectNode();
      properties(type).values().forEach(p -> out.set(p.name(), of(p)));
      return out;
    }
    throw new IllegalArgumentException("no values for metadata type " + type);
  }

  /** A member of an enum; for a flags enum, one to three members joined by commas as Graph writes them. */
  String enumValue(String type) {
    GraphMetadata.EnumType e = BETA.enumType(type);
    if (!e.flags() || r.nextInt(3) > 0) {
      return e.members().get(r.nextInt(e.members().size()));
    }
    List<String> picked = new ArrayList<>();
    int n = 2 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      String m = e.members().get(r.nextInt(e.members().size()));
      if (!picked.contains(m)) {
        picked.add(m);
      }
    }
    return String.join(",", picked);
  }

  /** How many items a collection gets: often none or a few, now and then many. */
  int size() {
    int shape = r.nextInt(40);
    if (shape < 10) {
      return 0;
    }
    if (shape < 34) {
      return 1 + r.nextInt(3);
    }
    if (shape < 39) {
      return 4 + r.nextInt(5);
    }
    return 20 + r.nextInt(30);
  }

  SplittableRandom random() {
    return r;
  }
}
