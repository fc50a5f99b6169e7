package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.settingsreconciler.export.DumpSchema;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;
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
    String text;
    if (r.nextInt(6) == 0 && shortKeys(escaped)) {
      // NEL, LS and PS are line breaks to the YAML reader (as in YAML 1.1): a person writing JSON as YAML escapes
      // them as \\u, as the tool's own writer does.
      text = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(escaped)
          .replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n";
    } else {
      text = dump(escaped, r.nextInt(4) == 0 ? FlowStyle.FLOW : FlowStyle.BLOCK, STYLES[r.nextInt(STYLES.length)],
          2 + r.nextInt(3), r.nextBoolean() ? 80 : 1000);
    }
    // The dumper does not always write what its reader reads back (NEL in a block scalar, a folded line that starts
    // with a space, now and then no YAML at all): then the desired state would not be the one drawn. Double quotes
    // always read back.
    return readsBack(text, escaped) ? text : dump(escaped, FlowStyle.BLOCK, ScalarStyle.DOUBLE_QUOTED, 2, 1000);
  }

  private static String dump(JsonNode tree, FlowStyle flow, ScalarStyle scalars, int indent, int width) {
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(flow)
        .setDefaultScalarStyle(scalars)
        .setIndent(indent)
        .setWidth(width)
        .setSchema(new DumpSchema()) // YAML 1.2's core schema, the loader's: True and NULL get quoted
        .build();
    return new Dump(settings).dumpToString(plain(tree));
  }

  private static boolean readsBack(String text, JsonNode tree) {
    try {
      Object read = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(text);
      return plain(tree).equals(read);
    } catch (YamlEngineException unreadable) {
      return false; // it has written YAML it cannot read, too (an explicit key written as a block scalar)
    }
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
