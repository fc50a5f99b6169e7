package org.settingsreconciler.update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.export.YamlWriter;
import org.settingsreconciler.load.SourceMap;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tools.jackson.databind.JsonNode;

/**
 * The edits that write a new value where a property's value is, in the style of what is there. A scalar replaces
 * exactly the old scalar's characters. A list replaces the whole list: a flow list {@code [a, b]} stays flow; a
 * block list stays block at the same indentation, and an item the tenant still has is copied with its own lines
 * (comments included) rather than rewritten. A list of objects that differs only inside its objects (a renamed
 * annotation) is edited inside them instead, down to the scalars that changed.
 */
final class ValueWriter {

  private ValueWriter() {}

  static List<YamlEdit> replace(YamlSource src, YamlSource.Found at, JsonNode value) {
    JsonNode old = src.tree().at(at.pointer());
    if (old.equals(value)) {
      return List.of();
    }
    List<YamlEdit> inside = inside(src, at, old, value);
    return inside != null ? inside : List.of(whole(src, at, value));
  }

  /**
   * Edits within an object with the same keys, or within a list of as many items where only objects differ (each
   * edited within, in turn). Null when the value must be replaced whole: a changed scalar item means the list is
   * rewritten, so that comments stay with their items.
   */
  private static List<YamlEdit> inside(YamlSource src, YamlSource.Found at, JsonNode old, JsonNode value) {
    List<YamlEdit> edits = new ArrayList<>();
    if (old.isObject() && value.isObject() && at.node() instanceof MappingNode) {
      if (old.size() != value.size() || !value.propertyNames().stream().allMatch(old::has)) {
        return null;
      }
      for (String name : value.propertyNames()) {
        YamlSource.Found child = src.find(SourceMap.child(at.pointer(), name)).orElse(null);
        if (child == null) {
          return null;
        }
        edits.addAll(replace(src, child, value.get(name)));
      }
      return edits;
    }
    if (old.isArray() && value.isArray() && at.node() instanceof SequenceNode && old.size() == value.size()) {
      for (int i = 0; i < value.size(); i++) {
        if (old.get(i).equals(value.get(i))) {
          continue;
        }
        YamlSource.Found child = src.find(at.pointer() + "/" + i).orElse(null);
        List<YamlEdit> within = child == null ? null : inside(src, child, old.get(i), value.get(i));
        if (within == null) {
          return null;
        }
        edits.addAll(within);
      }
      return edits;
    }
    return null;
  }

  private static YamlEdit whole(YamlSource src, YamlSource.Found at, JsonNode value) {
    Node old = at.node();
    if (value.isArray()) {
      if (old instanceof SequenceNode seq && seq.getFlowStyle() == FlowStyle.BLOCK && !seq.getValue().isEmpty()) {
        return value.isEmpty() ? emptyBlockList(src, at, seq) : blockList(src, at, seq, value);
      }
      return span(src, old, flowList(src, at, value));
    }
    if (value.isObject()) {
      return span(src, old, YamlWriter.flow(YamlWriter.plain(value)));
    }
    if (old instanceof ScalarNode s && s.getScalarStyle() != ScalarStyle.LITERAL
        && s.getScalarStyle() != ScalarStyle.FOLDED) {
      String text = ScalarWriter.value(value, s.getScalarStyle(), at.inFlow());
      int start = src.start(old);
      int end = src.end(old);
      // An empty value ("key:") has no characters of its own: it sits right after the colon.
      return start == end ? YamlEdit.insert(start, " " + text) : new YamlEdit(start, end, text);
    }
    return span(src, old, ScalarWriter.value(value, ScalarStyle.PLAIN, at.inFlow()));
  }

  private static YamlEdit span(YamlSource src, Node old, String text) {
    int start = src.start(old);
    int end = src.contentEnd(old);
    return start == end ? YamlEdit.insert(start, " " + text) : new YamlEdit(start, end, text);
  }

  /** {@code [a, b]}; items still in the list keep their exact text when the old list was flow too. */
  private static String flowList(YamlSource src, YamlSource.Found at, JsonNode value) {
    List<Node> oldItems =
        at.node() instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.FLOW ? s.getValue() : List.of();
    boolean[] used = new boolean[oldItems.size()];
    ScalarStyle style = itemStyle(oldItems);
    List<String> parts = new ArrayList<>();
    for (JsonNode item : value) {
      int reuse = match(src, at, oldItems, used, item);
      if (reuse >= 0) {
        parts.add(src.text().substring(src.start(oldItems.get(reuse)), src.end(oldItems.get(reuse))));
      } else if (item.isValueNode()) {
        parts.add(ScalarWriter.value(item, style, true));
      } else {
        parts.add(YamlWriter.flow(YamlWriter.plain(item)));
      }
    }
    return "[" + String.join(", ", parts) + "]";
  }

  /**
   * A block list, written as whole lines from the first item's line to the end of the last item's line. Each old
   * item owns its lines plus the comment lines just above it, so a kept item keeps its comments.
   */
  private static YamlEdit blockList(YamlSource src, YamlSource.Found at, SequenceNode seq, JsonNode value) {
    String t = src.text();
    int first = src.start(seq);
    int lineStart = TextLines.lineStart(t, first);
    if (!TextLines.onlySpaces(t, lineStart, first)) {
      return span(src, seq, flowList(src, at, value));
    }
    String indent = t.substring(lineStart, first);
    List<Node> items = seq.getValue();
    List<String> segments = new ArrayList<>();
    int from = lineStart;
    for (Node item : items) {
      int to = TextLines.lineEnd(t, src.contentEnd(item));
      segments.add(t.substring(from, to));
      from = TextLines.nextLineStart(t, to);
    }
    int end = TextLines.lineEnd(t, src.contentEnd(seq));
    boolean[] used = new boolean[items.size()];
    ScalarStyle style = itemStyle(items);
    List<String> lines = new ArrayList<>();
    for (JsonNode item : value) {
      int reuse = match(src, at, items, used, item);
      if (reuse >= 0) {
        lines.add(segments.get(reuse));
      } else if (item.isValueNode()) {
        lines.add(indent + "- " + ScalarWriter.value(item, style, false));
      } else if (item.isObject() && !item.isEmpty()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) YamlWriter.plain(item);
        String[] block = YamlWriter.write(map).split("\n");
        for (int i = 0; i < block.length; i++) {
          lines.add(indent + (i == 0 ? "- " : "  ") + block[i]);
        }
      } else {
        lines.add(indent + "- " + YamlWriter.flow(YamlWriter.plain(item)));
      }
    }
    return new YamlEdit(lineStart, end, String.join("\n", lines));
  }

  /** An empty list is written {@code key: []}; comments between the key and the old items keep it in place. */
  private static YamlEdit emptyBlockList(YamlSource src, YamlSource.Found at, SequenceNode seq) {
    String t = src.text();
    int colon = at.key() == null ? -1 : src.afterColon(at.key());
    int end = TextLines.lineEnd(t, src.contentEnd(seq));
    if (colon > 0 && t.substring(colon, src.start(seq)).isBlank()) {
      return new YamlEdit(colon, end, " []");
    }
    return new YamlEdit(src.start(seq), src.contentEnd(seq), "[]");
  }

  /** The index of an unused old item equal to {@code item}, or -1. */
  private static int match(YamlSource src, YamlSource.Found at, List<Node> oldItems, boolean[] used, JsonNode item) {
    for (int i = 0; i < oldItems.size(); i++) {
      if (!used[i] && item.equals(src.tree().at(at.pointer() + "/" + i))) {
        used[i] = true;
        return i;
      }
    }
    return -1;
  }

  /** New items are quoted like the first old scalar item (plain when there is none). */
  private static ScalarStyle itemStyle(List<Node> items) {
    for (Node n : items) {
      if (n instanceof ScalarNode s) {
        ScalarStyle style = s.getScalarStyle();
        return style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED ? ScalarStyle.PLAIN : style;
      }
    }
    return ScalarStyle.PLAIN;
  }
}
