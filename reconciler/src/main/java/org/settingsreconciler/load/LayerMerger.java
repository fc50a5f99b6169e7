package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.model.ValueOrigin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges layers, first to last, into one tree. Mappings merge key by key; any other value a later layer sets
 * replaces the earlier one whole (lists too). A replacement is an override: it must be allowed by the layer whose
 * value it replaces ({@link LayerFile}), or it is an error naming both places. The merger remembers which layer set
 * every value and what each override replaced, so plans can name the layer, file and line of every value and the
 * base value it overrode.
 */
final class LayerMerger {

  private record LayerData(String name, SourceMap sources, List<LayerFile.Mark> marks) {}

  private final ObjectNode merged = JsonNodeFactory.instance.objectNode();
  private final List<ConfigError> errors;
  private final List<LayerData> layers = new ArrayList<>();
  /** The layer that set the node at a pointer; nodes below it belong to it too, unless listed themselves. */
  private final Map<String, Integer> owner = new HashMap<>();
  private final Map<String, ValueOrigin.Overridden> overrides = new HashMap<>();

  LayerMerger(List<ConfigError> errors) {
    this.errors = errors;
  }

  /**
   * Merges the next layer over the ones added before. The merger takes the tree over, uncopied, as
   * {@link DocumentMerger} takes files: a plain run of a thousand users is one layer of a hundred thousand nodes.
   */
  void add(String name, ObjectNode tree, SourceMap sources, List<LayerFile.Mark> marks) {
    int index = layers.size();
    layers.add(new LayerData(name, sources, marks));
    for (LayerFile.Mark m : marks) {
      if (tree.at(m.pointer()).isMissingNode()) {
        errors.add(new ConfigError(m.at(), "overridable",
            "'" + m.written() + "' is not set in layer " + name + "; mark only what this layer sets"));
      }
    }
    if (index == 0) {
      owner.put("", 0);
    }
    merge(merged, tree, "", index);
  }

  private void merge(ObjectNode into, ObjectNode from, String pointer, int layer) {
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      String child = SourceMap.child(pointer, e.getKey());
      JsonNode existing = into.get(e.getKey());
      if (existing == null) {
        into.set(e.getKey(), e.getValue());
        owner.put(child, layer);
      } else if (mergeable(existing) && mergeable(e.getValue())) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue(), child, layer);
      } else {
        override(child, existing, layer);
        into.set(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Mappings of the YAML's structure merge; a mapping that is a value, {@code {group: "<name>"}}, is replaced whole
   * like any other value, so the override is the property's and the plan names the layer that named the group.
   */
  private static boolean mergeable(JsonNode node) {
    boolean groupReference = node.size() == 1 && node.path("group").isString();
    return node.isObject() && !groupReference;
  }

  private void override(String pointer, JsonNode replaced, int layer) {
    LayerData base = layers.get(ownerOf(pointer));
    LayerData by = layers.get(layer);
    Location baseAt = base.sources().valueLocation(pointer);
    if (base.marks().stream().noneMatch(m -> m.covers(pointer))) {
      errors.add(new ConfigError(by.sources().keyLocation(pointer), KeyAddress.of(pointer),
          "overrides the value layer " + base.name() + " sets at " + baseAt + ", which " + base.name()
              + " does not mark overridable; list it under overridable: in that layer's "
              + DesiredStateLoader.LAYER_FILE + ", or leave it out here"));
    }
    owner.keySet().removeIf(p -> p.startsWith(pointer + "/"));
    overrides.keySet().removeIf(p -> p.startsWith(pointer + "/"));
    owner.put(pointer, layer);
    overrides.put(pointer, new ValueOrigin.Overridden(base.name(), baseAt, replaced));
  }

  private int ownerOf(String pointer) {
    for (String p = pointer; ; p = SourceMap.parent(p)) {
      Integer layer = owner.get(p);
      if (layer != null) {
        return layer;
      }
      if (p.isEmpty()) {
        return 0;
      }
    }
  }

  ObjectNode tree() {
    return merged;
  }

  /** Where every node of the merged tree was written: in the layer that set it. */
  SourceMap sources() {
    if (layers.size() == 1) {
      // A plain run is one layer, which owns every node of the merged tree: its own map says where each was written.
      // Copying it held every place twice while the desired state was built (a hundred thousand users' YAML is
      // millions of places), and looked each pointer up in the tree.
      return layers.get(0).sources();
    }
    SourceMap out = new SourceMap();
    for (int i = layers.size() - 1; i >= 0; i--) {
      int layer = i;
      out.addAllWhere(layers.get(i).sources(),
          p -> ownerOf(p) == layer && !merged.at(p).isMissingNode());
    }
    return out;
  }

  /** The layer that set the value at a pointer, and the base value it replaced if it is an override. */
  ValueOrigin originAt(String pointer) {
    ValueOrigin.Overridden replaced = null;
    for (String p = pointer; replaced == null; p = SourceMap.parent(p)) {
      replaced = overrides.get(p);
      if (p.isEmpty()) {
        break;
      }
    }
    return ValueOrigin.ofLayer(layers.get(ownerOf(pointer)).name(), replaced);
  }
}
