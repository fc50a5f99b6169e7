package org.settingsreconciler.render;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows a change of a long string value (a policy setting's XML or JSON, say) as a unified diff instead of two
 * unreadable lines, and a long list one element a line. JSON is pretty-printed and XML broken at tags first, so the diff points at what changed.
 */
final class LongValueDiff {

  static final int LONG = 80;

  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private LongValueDiff() {}

  static boolean applies(JsonNode before, JsonNode after) {
    return isLong(before) || isLong(after);
  }

  private static boolean isLong(JsonNode n) {
    if (n != null && n.isArray()) {
      return n.toString().length() > LONG;
    }
    return n != null && n.isString() && (n.asString().length() > LONG || n.asString().contains("\n"));
  }

  static List<String> unified(JsonNode before, JsonNode after) {
    List<String> a = lines(before);
    List<String> b = lines(after);
    if (a.equals(b)) {
      // Reformatting hid the difference (whitespace in a JSON string, say): the values are still not equal, and
      // a change with nothing under it would look like no change at all. Show them as written.
      List<String> out = new java.util.ArrayList<>();
      out.add("(differs only in formatting; shown as written)");
      a = Arrays.asList(written(before).split("\n", -1));
      b = Arrays.asList(written(after).split("\n", -1));
      out.addAll(UnifiedDiffUtils.generateUnifiedDiff("before", "after", a, DiffUtils.diff(a, b), 3));
      return out;
    }
    return UnifiedDiffUtils.generateUnifiedDiff("before", "after", a, DiffUtils.diff(a, b), 3);
  }

  /** A new long value, for a create: every line added, without diff headers. */
  static List<String> added(JsonNode after) {
    return lines(after).stream().map(l -> "+" + l).toList();
  }

  private static String written(JsonNode n) {
    return n == null || n.isNull() ? "" : n.isString() ? n.asString() : n.toString();
  }

  private static List<String> lines(JsonNode n) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isArray()) {
      boolean nested = false;
      for (JsonNode e : n) {
        nested |= e.isObject() || e.isArray();
      }
      if (nested) {
        // Objects (profile card annotations) pretty-printed, so a changed field shows as one changed line.
        return Arrays.asList(PRETTY.writeValueAsString(n).split("\n", -1));
      }
      // One element a line, so an added, removed or moved entry shows as such.
      List<String> out = new java.util.ArrayList<>();
      n.forEach(e -> out.add(e.toString()));
      return out;
    }
    String s = n.isString() ? n.asString() : n.toString();
    String t = s.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        s = PRETTY.writeValueAsString(PRETTY.readTree(t));
      } catch (JacksonException notJson) {
        // Shown as it is.
      }
    } else if (t.startsWith("<") && !s.contains("\n")) {
      s = s.replace("><", ">\n<");
    }
    return Arrays.asList(s.split("\n", -1));
  }
}
