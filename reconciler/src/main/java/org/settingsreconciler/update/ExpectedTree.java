package org.settingsreconciler.update;

import org.settingsreconciler.load.VariableSubstitution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a file must read back as after its edits: its old values with exactly the accepted changes. Checked before
 * the file is written, so an edit that would change anything else (or break the YAML) never reaches the disk.
 */
final class ExpectedTree {

  private final JsonNode tree;

  ExpectedTree(JsonNode original) {
    this.tree = original == null ? JsonNodeFactory.instance.objectNode() : original.deepCopy();
  }

  /** The value at {@code pointer} becomes {@code value}, as the file holds it: see {@link #written}. */
  void set(String pointer, JsonNode value) {
    parent(pointer).set(name(pointer), written(value));
  }

  /**
   * A value as a file holds it before variables are substituted: its strings as {@link VariableSubstitution#literal}
   * writes them, as every writer of values does (ScalarWriter, YamlWriter).
   */
  static JsonNode written(JsonNode value) {
    if (value.isString()) {
      return JsonNodeFactory.instance.stringNode(VariableSubstitution.literal(value.asString()));
    }
    if (value.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      value.forEach(v -> out.add(written(v)));
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      value.properties().forEach(e -> out.set(e.getKey(), written(e.getValue())));
      return out;
    }
    return value;
  }

  void remove(String pointer) {
    parent(pointer).remove(name(pointer));
  }

  void rename(String pointer, String newKey) {
    ObjectNode parent = parent(pointer);
    JsonNode value = parent.remove(name(pointer));
    parent.set(newKey, value);
  }

  boolean matches(JsonNode actual) {
    return tree.equals(actual);
  }

  private ObjectNode parent(String pointer) {
    JsonNode p = tree.at(pointer.substring(0, pointer.lastIndexOf('/')));
    if (!(p instanceof ObjectNode o)) {
      throw new IllegalStateException("no mapping at the parent of " + pointer);
    }
    return o;
  }

  private static String name(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
  }
}
