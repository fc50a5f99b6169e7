package org.settingsreconciler.sandbox;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the sandbox, plus the content type Graph answers with. */
final class SandboxJson {

  /** What Graph sends on JSON responses; clients must accept the OData parameters. */
  static final String CONTENT_TYPE =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SandboxJson() {}

  /** Parses JSON text; throws Jackson's unchecked exception when it is not JSON. */
  static JsonNode parse(String text) {
    return MAPPER.readTree(text);
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** The string a node holds, or null for anything else (null, missing, other types). */
  static String text(JsonNode node) {
    return node != null && node.isString() ? node.asString() : null;
  }

  /** Indented, for state files people read and edit. */
  static byte[] prettyBytes(JsonNode node) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
  }

  /** An object with only the {@code $select}ed properties (Graph's default set when there is none). */
  static ObjectNode selected(ObjectNode object, String select) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (select == null || select.isBlank()) {
      object.properties().forEach(e -> out.set(e.getKey(), e.getValue().deepCopy()));
      return out;
    }
    for (String name : select.split(",")) {
      String wanted = name.strip().toLowerCase(Locale.ROOT);
      object.properties().stream()
          .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(wanted))
          .forEach(e -> out.set(e.getKey(), e.getValue().deepCopy()));
    }
    return out;
  }
}
