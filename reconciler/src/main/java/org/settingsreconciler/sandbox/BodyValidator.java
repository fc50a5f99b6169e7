package org.settingsreconciler.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.ValueKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a POST or PATCH body the way Graph refuses bad writes with 400: properties that don't exist or are
 * read-only (by the descriptor: what the tool may write), values Graph's types refuse (by Microsoft's metadata, see
 * {@link MetadataValues}: JSON type, nullability, enum members, the insides of complex values) and missing required
 * properties. Strict on purpose: a client that sends something Graph would refuse should fail here first. But no
 * stricter than Graph's types: ids the tool compares as GUIDs are Edm.String to Graph, so any string passes. Only a
 * property the metadata lacks (photoUpdateSettings.source) is judged by its descriptor kind and its resource's rule.
 */
final class BodyValidator {

  private final ResourceDescriptor descriptor;
  private final ServerRule rule;
  private final MetadataValues metadata;

  BodyValidator(ResourceDescriptor descriptor, ServerRule rule) {
    this.descriptor = descriptor;
    this.rule = rule;
    this.metadata = new MetadataValues(descriptor);
  }

  /**
   * The properties a client may write: the descriptor's, plus a collection's key properties (the tool keys items by
   * them, but they are ordinary writable properties to Graph).
   */
  Map<String, ValueKind> writable() {
    Map<String, ValueKind> out = new LinkedHashMap<>();
    for (PropertySpec p : descriptor.properties()) {
      out.put(p.name(), p.kind());
    }
    if (descriptor.shape() == Shape.COLLECTION) {
      descriptor.key().properties().forEach(k -> out.putIfAbsent(k, ValueKind.STRING));
    }
    return out;
  }

  /**
   * @param before the stored object (null on create); its properties count as read-only rather than unknown
   */
  void check(ObjectNode body, ObjectNode before) {
    boolean create = before == null;
    Map<String, ValueKind> writable = writable();
    Set<String> createOnly = create ? rule.createOnlyProperties() : Set.of();
    boolean anyProperty = false;
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      String name = e.getKey();
      if (name.startsWith("@odata.")) {
        checkAnnotation(name, e.getValue());
        continue;
      }
      anyProperty = true;
      ValueKind kind = writable.get(name);
      if (kind == null && !createOnly.contains(name)) {
        throw notWritable(name, before);
      }
      var typed = metadata.property(name);
      if (typed.isPresent()) {
        metadata.check(typed.get(), e.getValue());
      } else if (kind != null) {
        checkKind(name, kind, e.getValue());
      }
    }
    if (!anyProperty) {
      throw GraphErrors.invalidRequest("The request body must set at least one property.");
    }
    for (PropertySpec p : descriptor.properties()) {
      if (p.requiredInPatch() && !body.has(p.name())) {
        throw GraphErrors.invalidRequest("The property '" + p.name() + "' is required.");
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
    String expected = descriptor.odataType().substring(1);
    if (given == null || !given.replaceFirst("^#", "").equalsIgnoreCase(expected)) {
      throw GraphErrors.invalidRequest(
          "The @odata.type '" + value + "' does not match the resource type '" + descriptor.odataType() + "'.");
    }
  }

  private GraphErrorException notWritable(String name, ObjectNode before) {
    boolean readOnly =
        name.equals("id")
            || rule.serverProperties().contains(name)
            || (before != null && before.has(name));
    if (readOnly) {
      return GraphErrors.invalidRequest("The property '" + name + "' is read-only and cannot be set.");
    }
    return GraphErrors.invalidRequest(
        "The property '" + name + "' does not exist on type '" + descriptor.odataType().substring(1)
            + "'. Make sure to only use property names that are defined by the type.");
  }

  private static void checkKind(String name, ValueKind kind, JsonNode value) {
    boolean ok =
        switch (kind) {
          case BOOLEAN -> value.isBoolean();
          case STRING, GUID, GROUP_ID -> value.isNull() || value.isString();
          case STRING_SET, STRING_LIST ->
              value.isNull() || (value.isArray() && value.valueStream().allMatch(JsonNode::isString));
          case OBJECT_LIST -> value.isArray() && value.valueStream().allMatch(JsonNode::isObject);
        };
    if (!ok) {
      throw GraphErrors.invalidRequest(
          "Invalid value for property '" + name + "': expected " + describe(kind) + ", got " + value + ".");
    }
  }

  private static String describe(ValueKind kind) {
    return switch (kind) {
      case BOOLEAN -> "a Boolean";
      case STRING, GUID, GROUP_ID -> "a string or null";
      case STRING_SET, STRING_LIST -> "an array of strings or null";
      case OBJECT_LIST -> "an array of objects";
    };
  }
}
