package org.settingsreconciler.state;

import java.util.List;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OData instance annotations inside the values of managed properties ({@code "@odata.type"} on a complex value,
 * {@code "displayName@odata.type"} beside a property): Graph may add them to any JSON object it answers, and they are
 * not data. Left in, export would write them into YAML the schema refuses, and a plan would compare them with YAML
 * that cannot hold them, as drift that never ends. The object's own top-level annotations are left alone: no managed
 * property is named like one, so they are never compared nor sent.
 */
final class NestedAnnotations {

  private NestedAnnotations() {}

  /** {@code object} without annotations inside its managed properties' values; the same node when it has none. */
  static JsonNode strip(ResourceDescriptor d, JsonNode object) {
    if (object == null || !object.isObject()) {
      return object;
    }
    List<String> annotated = d.properties().stream().map(PropertySpec::name)
        .filter(name -> hasAnnotation(object.get(name))).toList();
    if (annotated.isEmpty()) {
      return object;
    }
    ObjectNode copy = (ObjectNode) object.deepCopy();
    annotated.forEach(name -> removeFrom(copy.get(name)));
    return copy;
  }

  private static boolean isAnnotation(String key) {
    return key.indexOf('@') >= 0;
  }

  private static boolean hasAnnotation(JsonNode node) {
    if (node == null) {
      return false;
    }
    if (node.isObject() && node.propertyNames().stream().anyMatch(NestedAnnotations::isAnnotation)) {
      return true;
    }
    return node.valueStream().anyMatch(NestedAnnotations::hasAnnotation);
  }

  private static void removeFrom(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).propertyNames().stream().filter(NestedAnnotations::isAnnotation).toList()
          .forEach(((ObjectNode) node)::remove);
    }
    node.valueStream().forEach(NestedAnnotations::removeFrom);
  }
}
