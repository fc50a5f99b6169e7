package org.settingsreconciler.load;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the files of one desired state into one tree. Sections and objects merge key by key, so one file can hold
 * Copilot settings and another People settings, or two files can set different properties of one setting; setting
 * the same key twice is an error naming both places.
 */
final class DocumentMerger {

  private final ObjectNode merged = JsonNodeFactory.instance.objectNode();
  private final SourceMap sources = new SourceMap();
  private final List<ConfigError> errors;

  DocumentMerger(List<ConfigError> errors) {
    this.errors = errors;
  }

  /**
   * Merges one more file. The merger takes the document over: its nodes become part of the merged tree, uncopied
   * (a file of a thousand users is a hundred thousand nodes), so the caller must not use it afterwards.
   *
   * @return false when the file could not be merged at all (it is not a mapping)
   */
  boolean add(YamlDocument doc) {
    if (doc.tree() == null) {
      return true;
    }
    if (!doc.tree().isObject()) {
      errors.add(
          new ConfigError(
              doc.sources().valueLocation(""), null, "a desired-state file must be a mapping of sections"));
      return false;
    }
    merge(merged, (ObjectNode) doc.tree(), "", doc.sources());
    sources.addAll(doc.sources());
    return true;
  }

  private void merge(ObjectNode into, ObjectNode from, String pointer, SourceMap fromSources) {
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      String child = SourceMap.child(pointer, e.getKey());
      JsonNode existing = into.get(e.getKey());
      if (existing == null) {
        into.set(e.getKey(), e.getValue());
      } else if (existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue(), child, fromSources);
      } else {
        errors.add(
            new ConfigError(
                fromSources.keyLocation(child),
                KeyAddress.of(child),
                "set twice: also set at " + sources.keyLocation(child)));
      }
    }
  }

  ObjectNode tree() {
    return merged;
  }

  SourceMap sources() {
    return sources;
  }
}
