package org.settingsreconciler.update;

import java.util.List;
import java.util.Map;
import org.settingsreconciler.load.VariableSubstitution;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;

/**
 * Formats a new scalar in the style of the one it replaces. A double- or single-quoted string stays quoted with
 * the same quote character (single quotes give way to double ones for what they cannot hold: line breaks and
 * control characters). A plain scalar stays plain when the new string reads back as the same string under YAML 1.2
 * in that place; otherwise it is double-quoted. Booleans, numbers and null are always plain: quoted, they would be
 * strings.
 */
final class ScalarWriter {

  private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();

  private static final String LEADING_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private static final String FLOW_INDICATORS = ",[]{}";

  private ScalarWriter() {}

  /**
   * A value scalar; {@code style} is the old scalar's (PLAIN when there was none). A string is written as
   * {@link VariableSubstitution#literal} writes it, so that it reads back as itself.
   */
  static String value(JsonNode v, ScalarStyle style, boolean inFlow) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "null";
    }
    if (v.isBoolean() || v.isNumber()) {
      return v.toString();
    }
    if (!v.isString()) {
      throw new IllegalArgumentException("not a scalar: " + v);
    }
    return string(VariableSubstitution.literal(v.asString()), style, inFlow, false);
  }

  /** A mapping key, for renaming an item to the tenant's spelling. */
  static String key(String s, ScalarStyle style, boolean inFlow) {
    return string(s, style, inFlow, true);
  }

  private static String string(String s, ScalarStyle style, boolean inFlow, boolean key) {
    if (style == ScalarStyle.SINGLE_QUOTED && !needsEscape(s)) {
      return "'" + s.replace("'", "''") + "'";
    }
    if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED
        || style == ScalarStyle.JSON_SCALAR_STYLE) {
      return doubleQuoted(s);
    }
    return plainSafe(s, inFlow, key) ? s : doubleQuoted(s);
  }

  /** Whether {@code s} can be written plain here and read back as the same string. */
  static boolean plainSafe(String s, boolean inFlow, boolean key) {
    if (s.isEmpty() || !s.equals(s.strip()) || needsEscape(s)) {
      return false;
    }
    if (!CORE.resolve(s, true).equals(Tag.STR)) {
      return false; // true, null, 12, 1.5, .inf... would change type
    }
    if (LEADING_INDICATORS.indexOf(s.charAt(0)) >= 0 || s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
      return false;
    }
    if (inFlow && s.chars().anyMatch(c -> FLOW_INDICATORS.indexOf(c) >= 0)) {
      return false;
    }
    return readsBack(s, inFlow, key);
  }

  /** The final word: parse the candidate where it will stand and compare. */
  private static boolean readsBack(String s, boolean inFlow, boolean key) {
    String doc = key ? (inFlow ? "{" + s + ": x}" : s + ": x") : inFlow ? "[" + s + "]" : "k: " + s;
    try {
      Object parsed = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(doc);
      if (key) {
        return parsed instanceof Map<?, ?> m && m.size() == 1 && s.equals(m.keySet().iterator().next());
      }
      if (inFlow) {
        return parsed instanceof List<?> l && l.size() == 1 && s.equals(l.get(0));
      }
      return parsed instanceof Map<?, ?> m && s.equals(m.get("k"));
    } catch (YamlEngineException | ClassCastException e) {
      return false;
    }
  }

  /** Characters only a double-quoted scalar can hold: line breaks, tabs and other control characters. */
  private static boolean needsEscape(String s) {
    return s.chars().anyMatch(ScalarWriter::control);
  }

  private static boolean control(int c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
  }

  static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (control(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
