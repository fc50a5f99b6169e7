package org.settingsreconciler.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** One YAML scalar as JSON, by its resolved tag (YAML 1.2 core schema); anything else is refused. */
public final class YamlScalar {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private YamlScalar() {}

  /** The value; on a problem, {@code fail} hears why and the value is null. */
  static JsonNode toJson(Tag tag, String v, Consumer<String> fail) {
    try {
      if (tag.equals(Tag.STR)) {
        return JSON.stringNode(v);
      }
      if (tag.equals(Tag.NULL)) {
        return JSON.nullNode();
      }
      if (tag.equals(Tag.BOOL)) {
        return JSON.booleanNode(v.equalsIgnoreCase("true"));
      }
      if (tag.equals(Tag.INT)) {
        return JSON.numberNode(parseInteger(v));
      }
      if (tag.equals(Tag.FLOAT)) {
        String lower = v.toLowerCase();
        if (lower.contains("inf") || lower.contains("nan")) {
          fail.accept("infinite or NaN numbers are not allowed");
          return JSON.nullNode();
        }
        return JSON.numberNode(new BigDecimal(v));
      }
    } catch (NumberFormatException e) {
      fail.accept("not a valid number: " + v);
      return JSON.nullNode();
    }
    fail.accept("unsupported YAML tag " + tag.getValue());
    return JSON.nullNode();
  }

  /** A YAML 1.2 core-schema integer: an optional sign, decimal, 0o octal or 0x hexadecimal. */
  public static BigInteger parseInteger(String v) {
    String s = v.startsWith("+") ? v.substring(1) : v;
    if (s.startsWith("0o")) {
      return new BigInteger(s.substring(2), 8);
    }
    if (s.startsWith("0x")) {
      return new BigInteger(s.substring(2), 16);
    }
    return new BigInteger(s);
  }
}
