package org.settingsreconciler.sandbox;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Merging a checked body into a stored object: PATCH semantics, where only the properties sent change. */
final class Writes {

  private Writes() {}

  /** A copy of {@code before} with every property of {@code body} set, OData annotations left out. */
  static ObjectNode merged(ObjectNode before, ObjectNode body) {
    ObjectNode out = before.deepCopy();
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!e.getKey().startsWith("@odata.")) {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return out;
  }

  static boolean isWrite(String method) {
    return method.equals("POST") || method.equals("PATCH") || method.equals("DELETE") || method.equals("PUT");
  }
}
