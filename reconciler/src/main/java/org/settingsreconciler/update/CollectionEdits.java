package org.settingsreconciler.update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.export.YamlWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Items removed from and added to one collection mapping in one file. Collected first and turned into edits
 * together, because the edits depend on each other: removing every item leaves {@code {}}, and additions go after
 * the last item, which may itself be removed.
 *
 * <p>In a block mapping an item is whole lines: its key line through the end of its value, deeper-indented comment
 * lines right after it (they are about it), and its own trailing blank line. Comments above the next key stay. New
 * items go after the last one, at the items' indentation. A flow mapping is rewritten from its kept items' exact
 * text, except that an empty {@code {}} receiving items becomes a block mapping.
 */
final class CollectionEdits {

  /** Why a collection cannot be edited in place; the caller reports it and leaves the file alone. */
  static final class NotEditable extends Exception {
    NotEditable(String message) {
      super(message);
    }
  }

  private final YamlSource src;
  private final String pointer;
  private final Set<String> removals = new LinkedHashSet<>();
  private final Map<String, Map<String, Object>> additions = new LinkedHashMap<>();

  CollectionEdits(YamlSource src, String pointer) {
    this.src = src;
    this.pointer = pointer;
  }

  void remove(String key) {
    removals.add(key);
  }

  void add(String key, Map<String, Object> properties) {
    additions.put(key, properties);
  }

  List<YamlEdit> edits() throws NotEditable {
    YamlSource.Found at = src.find(pointer).orElseThrow(() -> new NotEditable("the collection is not in the file"));
    String unsafe = src.unsafe(at);
    if (unsafe != null) {
      throw new NotEditable("the collection cannot be edited in place: " + unsafe);
    }
    if (!(at.node() instanceof MappingNode map)) {
      throw new NotEditable("the collection is not written as a mapping");
    }
    for (String key : removals) {
      if (indexOf(map, key) < 0) {
        throw new NotEditable("item '" + key + "' is not in the file");
      }
    }
    if (map.getFlowStyle() == FlowStyle.FLOW) {
      return flow(at, map);
    }
    return block(at, map);
  }

  private List<YamlEdit> block(YamlSource.Found at, MappingNode map) throws NotEditable {
    String t = src.text();
    List<NodeTuple> items = map.getValue();
    List<YamlEdit> edits = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (removals.contains(keyOf(items.get(i)))) {
        boolean last = i == items.size() - 1;
        int[] range = itemLines(items.get(i));
        int end = range[1];
        // Its own trailing blank line goes too, unless it separates the mapping from what follows it.
        if (end < t.length() && TextLines.blank(t, end) && !(last && !additions.isEmpty())) {
          int before = TextLines.previousLineStart(t, range[0]);
          if (!last || before < 0 || TextLines.blank(t, before)) {
            end = TextLines.nextLineStart(t, end);
          }
        }
        edits.add(YamlEdit.delete(range[0], end));
      }
    }
    if (!additions.isEmpty()) {
      int after = itemLines(items.get(items.size() - 1))[1];
      edits.add(insertLines(after, blockItems(src.column(items.get(0).getKeyNode()) - 1)));
    } else if (removals.size() == items.size()) {
      int colon = at.key() == null ? -1 : src.afterColon(at.key());
      if (colon < 0) {
        throw new NotEditable("cannot find the collection's key");
      }
      edits.add(YamlEdit.insert(colon, " {}"));
    }
    return edits;
  }

  private List<YamlEdit> flow(YamlSource.Found at, MappingNode map) throws NotEditable {
    String t = src.text();
    int start = src.start(map);
    int end = src.end(map);
    if (map.getValue().isEmpty() && !additions.isEmpty() && at.key() != null) {
      int colon = src.afterColon(at.key());
      if (colon > 0 && TextLines.onlySpaces(t, colon, start)) {
        // key: {}  ->  key:\n  <items>; a comment after {} stays on the key's line.
        int keyColumn = src.column(at.key()) - 1;
        Node parentKey = at.parentKey();
        int step = parentKey == null ? 2 : keyColumn - (src.column(parentKey) - 1);
        int next = TextLines.nextLineStart(t, end);
        return List.of(
            YamlEdit.delete(colon, end), insertLines(next, blockItems(keyColumn + (step > 0 ? step : 2))));
      }
    }
    List<String> parts = new ArrayList<>();
    for (NodeTuple item : map.getValue()) {
      if (!removals.contains(keyOf(item))) {
        parts.add(t.substring(src.start(item.getKeyNode()), src.end(item.getValueNode())));
      }
    }
    for (Map.Entry<String, Map<String, Object>> a : additions.entrySet()) {
      String one = YamlWriter.flow(Map.of(a.getKey(), a.getValue()));
      parts.add(one.substring(1, one.length() - 1).strip());
    }
    return List.of(new YamlEdit(start, end, "{" + String.join(", ", parts) + "}"));
  }

  /** {@code [start, end)} of an item's whole lines, the end just past its last line break. */
  private int[] itemLines(NodeTuple item) throws NotEditable {
    String t = src.text();
    Node key = item.getKeyNode();
    int start = TextLines.lineStart(t, src.start(key));
    if (!TextLines.onlySpaces(t, start, src.start(key))) {
      throw new NotEditable("item '" + keyOf(item) + "' does not start its own line");
    }
    int valueEnd = Math.max(src.end(key), src.contentEnd(item.getValueNode()));
    int end = TextLines.nextLineStart(t, TextLines.lineEnd(t, valueEnd));
    int keyIndent = src.column(key) - 1;
    while (end < t.length() && TextLines.commentOnly(t, end) && TextLines.indent(t, end) > keyIndent) {
      end = TextLines.nextLineStart(t, end);
    }
    return new int[] {start, end};
  }

  /** The new items as block lines at {@code indent}, each written like export writes it. */
  private List<String> blockItems(int indent) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> a : additions.entrySet()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put(a.getKey(), a.getValue());
      for (String line : YamlWriter.write(one).split("\n")) {
        lines.add(TextLines.spaces(indent) + line);
      }
    }
    return lines;
  }

  /** Inserts whole lines at a line start; at the end of a file without a final line break, starts a line first. */
  private YamlEdit insertLines(int at, List<String> lines) {
    String t = src.text();
    String body = String.join("\n", lines);
    if (at == t.length() && !t.isEmpty() && !t.endsWith("\n")) {
      return YamlEdit.insert(at, "\n" + body);
    }
    return YamlEdit.insert(at, body + "\n");
  }

  private static int indexOf(MappingNode map, String key) {
    for (int i = 0; i < map.getValue().size(); i++) {
      if (key.equals(keyOf(map.getValue().get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static String keyOf(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
  }
}
