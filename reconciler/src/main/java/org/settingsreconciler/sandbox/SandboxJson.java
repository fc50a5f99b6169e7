package org.settingsreconciler.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
}
