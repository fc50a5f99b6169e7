package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.settingsreconciler.export.DumpSchema;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a desired state as a person might: YAML in block or flow style with plain, single-quoted, double-quoted,
 * literal or folded scalars (the dumper quotes a value where the style asked for cannot hold it), or JSON, which YAML
 * 1.2 reads too. Not through the tool's own writer, so that its quoting is not checked against itself. A literal
 * {@code ${} is written {@code $${}, as the README says, so that no key or value is taken for a variable.
 */
final class DesiredYaml {

  private static final ScalarStyle[] STYLES = {
    ScalarStyle.PLAIN, ScalarStyle.SINGLE_QUOTED, ScalarStyle.DOUBLE_QUOTED, ScalarStyle.LITERAL, ScalarStyle.FOLDED,
  };

  private DesiredYaml() {}

  static String render(JsonNode desired, SplittableRandom r) {
    JsonNode escaped = escaped(desired);
    if (r.nextInt(6) == 0 && shortKeys(escaped)) {
      // NEL, LS and PS are line breaks to the YAML reader (as in YAML 1.1), folded to a space inside quotes: a person
      // writing JSON as YAML escapes them as \\u, as the tool's own writer does.
      return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(escaped)
          .replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n";
    }
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(r.nextInt(4) == 0 ? FlowStyle.FLOW : FlowStyle.BLOCK)
        .setDefaultScalarStyle(style(r, escaped.toString()))
        .setIndent(2 + r.nextInt(3))
        .setWidth(r.nextBoolean() ? 80 : 1000)
        .setSchema(new DumpSchema()) // YAML 1.2's core schema, the loader's: True and NULL get quoted
        .build();
    return new Dump(settings).dumpToString(plain(escaped));
  }

  /**
   * The scalar style asked for. The dumper writes NEL, LS and PS as they are in a single-quoted or block scalar,
   * where its own reader takes them for line breaks and folds them: text holding one is written plain or
   * double-quoted (the dumper escapes them there), as the tool's own writer does.
   */
  private static ScalarStyle style(SplittableRandom r, String text) {
    ScalarStyle style = STYLES[r.nextInt(STYLES.length)];
    boolean breaks = text.contains("\u0085") || text.contains("\u2028") || text.contains("\u2029");
    return breaks && style != ScalarStyle.PLAIN ? ScalarStyle.DOUBLE_QUOTED : style;
  }

  /** The tree as the Java maps, lists and scalars the dumper takes. */
  private static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      n.properties().forEach(e -> out.put(e.getKey(), plain(e.getValue())));
      return out;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(v -> out.add(plain(v)));
      return out;
    }
    return n.isNull() ? null : n.isBoolean() ? n.asBoolean() : n.isNumber() ? n.numberValue() : n.asString();
  }

  /** JSON is YAML 1.2 only while every key is at most 1024 characters (YAML's limit on implicit keys). */
  private static boolean shortKeys(JsonNode node) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        if (e.getKey().length() > 1024 || !shortKeys(e.getValue())) {
          return false;
        }
      }
    }
    return node.isArray() ? node.valueStream().allMatch(DesiredYaml::shortKeys) : true;
  }

  /** Every string, keys included, with {@code ${} written {@code $${}, as the README says to write a literal one. */
  private static JsonNode escaped(JsonNode node) {
    if (node.isString()) {
      return MetadataValues.JSON.stringNode(node.asString().replace("${", "$${"));
    }
    if (node.isArray()) {
      var out = MetadataValues.JSON.arrayNode();
      node.forEach(v -> out.add(escaped(v)));
      return out;
    }
    if (node.isObject()) {
      var out = MetadataValues.JSON.objectNode();
      node.properties().forEach(e -> out.set(e.getKey().replace("${", "$${"), escaped(e.getValue())));
      return out;
    }
    return node;
  }
}
