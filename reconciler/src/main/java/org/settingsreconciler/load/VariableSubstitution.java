package org.settingsreconciler.load;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces {@code ${env:NAME}} and {@code ${var:NAME}} in the string values of one YAML document, before the
 * document is merged and checked against the schema, so a substituted value is validated like a written one and
 * every error still points at the place the reference was written.
 *
 * <ul>
 *   <li>A reference inside a longer string is replaced by the value's text.
 *   <li>A plain (unquoted) scalar that is exactly one reference takes the type the value's text has in YAML 1.2:
 *       {@code true}, {@code 42} and {@code null} become a boolean, a number and null, as if written there. A
 *       quoted one ({@code "${var:X}"}) always stays a string, as quoting does in YAML.
 *   <li>{@code $${} writes a literal {@code ${}, in values and keys alike. Other {@code ${...}} text is left alone.
 *   <li>Keys are never substituted: a reference in a key is an error (keys name settings, users and items).
 *   <li>An unset variable is an error, reported by validate like any other problem in the YAML.
 * </ul>
 */
public final class VariableSubstitution {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|var):([^}]*)}");
  private static final ScalarResolver YAML_TYPES = new CoreSchema().getScalarResolver();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Variables variables;
  private final SourceMap sources;
  private final List<ConfigError> errors;

  private VariableSubstitution(Variables variables, SourceMap sources, List<ConfigError> errors) {
    this.variables = variables;
    this.sources = sources;
    this.errors = errors;
  }

  /**
   * The text to write in YAML for a string value that must read back as {@code value} itself: every {@code ${}
   * written {@code $${}, so that a tenant's value such as {@code ${var:X}} is not taken for a reference. Whatever
   * writes values into YAML (export, {@code check --update-files}) writes them through here.
   */
  public static String literal(String value) {
    return value.replace("${", "$${");
  }

  /** The document with every reference replaced; problems go to {@code errors}. */
  public static YamlDocument apply(YamlDocument doc, Variables variables, List<ConfigError> errors) {
    if (doc == null || doc.tree() == null) {
      return doc;
    }
    JsonNode tree = new VariableSubstitution(variables, doc.sources(), errors).walk(doc.tree(), "");
    return new YamlDocument(doc.file(), tree, doc.sources());
  }

  /**
   * The node with its references replaced. Copy on write: a node with nothing to replace below it is returned as it
   * is, so a file without variables (the usual case, thousands of users long) is walked but never copied.
   */
  private JsonNode walk(JsonNode node, String pointer) {
    if (node.isObject()) {
      ObjectNode out = null;
      int index = 0;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String child = SourceMap.child(pointer, e.getKey());
        String key = e.getKey().contains("${") ? key(e.getKey(), child) : e.getKey();
        JsonNode value = walk(e.getValue(), child);
        if (out == null && (value != e.getValue() || !key.equals(e.getKey()))) {
          ObjectNode fresh = JSON.objectNode(); // the entries before this one, as they are
          node.properties().stream().limit(index).forEach(kept -> fresh.set(kept.getKey(), kept.getValue()));
          out = fresh;
        }
        if (out != null) {
          // Keys are unique as written; read, "$${x}" and "${x}" are one.
          if (out.has(key)) {
            errors.add(new ConfigError(sources.keyLocation(child), KeyAddress.of(child),
                "reads as the key '" + key + "' ($${ is a literal ${), which this mapping already has"));
          }
          if (!key.equals(e.getKey())) {
            sources.copyPlaces(child, SourceMap.child(pointer, key)); // errors and plans point where it is written
          }
          out.set(key, value);
        }
        index++;
      }
      return out == null ? node : out;
    }
    if (node.isArray()) {
      ArrayNode out = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = walk(node.get(i), SourceMap.child(pointer, i));
        if (value != node.get(i)) {
          if (out == null) {
            out = JSON.arrayNode();
            out.addAll((ArrayNode) node);
          }
          out.set(i, value);
        }
      }
      return out == null ? node : out;
    }
    return node.isString() && node.asString().contains("${") ? substitute(node.asString(), pointer) : node;
  }

  /**
   * A key read the way values are, but never substituted: {@code $${} is a literal {@code ${}, so that an interest
   * named {@code ${var:X}} can be written (export writes it so); a reference is an error, the key stays as written.
   */
  private String key(String raw, String pointer) {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      if (raw.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (raw.startsWith("${env:", i) || raw.startsWith("${var:", i)) {
        errors.add(new ConfigError(sources.keyLocation(pointer), KeyAddress.of(pointer),
            "variables are not substituted in keys; write the key out ($${ for a literal ${)"));
        return raw;
      } else {
        out.append(raw.charAt(i++));
      }
    }
    return out.toString();
  }

  private JsonNode substitute(String text, String pointer) {
    StringBuilder out = new StringBuilder();
    boolean failed = false;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
        continue;
      }
      Matcher m = REFERENCE.matcher(text).region(i, text.length());
      if (!m.lookingAt()) {
        if (text.startsWith("${env:", i) || text.startsWith("${var:", i)) {
          failed |= fail(pointer, "unterminated variable reference: " + text.substring(i) + " (missing })");
          break;
        }
        out.append(text.charAt(i++));
        continue;
      }
      String value = value(m.group(1), m.group(2), pointer);
      failed |= value == null;
      out.append(value == null ? "" : value);
      i = m.end();
    }
    if (failed) {
      return JSON.stringNode(text);
    }
    boolean whole = REFERENCE.matcher(text).matches();
    return whole && !sources.isQuoted(pointer) ? typed(out.toString()) : JSON.stringNode(out.toString());
  }

  /** The value of one reference, or null (with an error) when it is malformed or unset. */
  private String value(String kind, String name, String pointer) {
    String reference = "${" + kind + ":" + name + "}";
    if (!Variables.NAME.matcher(name).matches()) {
      fail(pointer, reference + " is not a valid reference: a name is letters, digits and _, not starting with a "
          + "digit");
      return null;
    }
    boolean env = kind.equals("env");
    String value = variables.lookup(env ? Variables.Kind.ENV : Variables.Kind.VAR, name);
    if (value == null) {
      fail(pointer, reference + " is not set: "
          + (env ? "the environment has no variable " + name
              : "give --var " + name + "=VALUE, a --var-file, or variables: in tenant.yaml"));
    }
    return value;
  }

  private boolean fail(String pointer, String message) {
    errors.add(new ConfigError(sources.valueLocation(pointer), KeyAddress.of(pointer), message));
    return true;
  }

  /** The value as YAML 1.2 would read it written plain: boolean, null, number or string. */
  static JsonNode typed(String value) {
    Tag tag = YAML_TYPES.resolve(value, true);
    try {
      if (tag.equals(Tag.BOOL)) {
        return JSON.booleanNode(value.equalsIgnoreCase("true"));
      }
      if (tag.equals(Tag.NULL)) {
        return JSON.nullNode();
      }
      if (tag.equals(Tag.INT)) {
        return JSON.numberNode(YamlScalar.parseInteger(value));
      }
      if (tag.equals(Tag.FLOAT) && !value.toLowerCase().matches(".*(inf|nan).*")) {
        return JSON.numberNode(new BigDecimal(value));
      }
    } catch (NumberFormatException e) {
      // not a number after all: text
    }
    return JSON.stringNode(value);
  }
}
