package org.settingsreconciler.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.metadata.GraphMetadata.Property;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a POST or PATCH body the way Graph refuses bad writes with 400: properties the type does not have, or
 * read-only ones, values Graph's types refuse (by Microsoft's metadata, see {@link MetadataValues}: JSON type,
 * nullability, enum members, the insides of complex values) and missing required properties. Strict on purpose: a
 * client that sends something Graph would refuse should fail here first. But no stricter than Graph's types: ids
 * the tool compares as GUIDs are Edm.String to Graph, so any string passes.
 */
final class BodyValidator {

  private final Endpoint endpoint;
  private final ServerRule rule;
  /** For each version the endpoint exists in, its metadata: a write is judged by its own version's. */
  private final Map<ApiVersion, MetadataValues> metadataByVersion = new EnumMap<>(ApiVersion.class);

  BodyValidator(Endpoint endpoint, ServerRule rule) {
    this.endpoint = endpoint;
    this.rule = rule;
    endpoint.versions().forEach(v -> metadataByVersion.put(v, new MetadataValues(endpoint, v)));
  }

  /**
   * @param before the stored object (null on create); its properties count as read-only rather than unknown
   * @param version the version the write came in: its metadata and its create page's required properties apply
   */
  void check(ObjectNode body, ObjectNode before, ApiVersion version) {
    MetadataValues metadata = metadataByVersion.get(version);
    Set<String> serverOnly = rule.serverProperties();
    Set<String> createOnly = before == null ? Set.of() : rule.createOnlyProperties();
    boolean anyProperty = false;
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      String name = e.getKey();
      if (name.startsWith("@odata.")) {
        checkAnnotation(name, e.getValue());
        continue;
      }
      anyProperty = true;
      Property typed = metadata.properties().get(name);
      if (typed == null || name.equals("id") || serverOnly.contains(name) || createOnly.contains(name)) {
        throw notWritable(name, before);
      }
      metadata.check(typed, e.getValue());
    }
    if (!anyProperty) {
      throw GraphErrors.invalidRequest("The request body must set at least one property.");
    }
    for (String required : endpoint.required(version, before == null)) {
      if (!body.has(required)) {
        throw GraphErrors.invalidRequest("The property '" + required + "' is required.");
      }
    }
    rule.checkBody(body, before);
  }

  /** @odata.type may be sent (the docs' own examples do) but must name this resource's type. */
  private void checkAnnotation(String name, JsonNode value) {
    if (!name.equals("@odata.type")) {
      return;
    }
    String given = SandboxJson.text(value);
    if (given == null || !given.replaceFirst("^#", "").equalsIgnoreCase(endpoint.entityType())) {
      throw GraphErrors.invalidRequest(
          "The @odata.type '" + value + "' does not match the resource type '" + endpoint.odataType() + "'.");
    }
  }

  private GraphErrorException notWritable(String name, ObjectNode before) {
    boolean readOnly =
        name.equals("id")
            || rule.serverProperties().contains(name)
            || (before != null && rule.createOnlyProperties().contains(name))
            || (before != null && before.has(name));
    if (readOnly) {
      return GraphErrors.invalidRequest("The property '" + name + "' is read-only and cannot be set.");
    }
    return GraphErrors.invalidRequest(
        "The property '" + name + "' does not exist on type '" + endpoint.entityType()
            + "'. Make sure to only use property names that are defined by the type.");
  }
}
