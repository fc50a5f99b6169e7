package org.settingsreconciler.graph;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Graph's documented GET examples for some single objects (enhanced personalization, profile property settings)
 * wrap the object as {@code {"value": {...}}}, probably a docs artifact; both shapes must work. A Copilot policy
 * setting has a string property named {@code value}, so only an object-valued {@code value} that is the only
 * non-{@code @odata} key is an envelope.
 */
public final class Envelope {

  private Envelope() {}

  public static JsonNode unwrapSingle(JsonNode body) {
    if (body == null || !body.isObject()) {
      return body;
    }
    JsonNode value = body.get("value");
    if (value == null || !value.isObject()) {
      return body;
    }
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      if (!e.getKey().equals("value") && !e.getKey().startsWith("@odata.")) {
        return body;
      }
    }
    return value;
  }
}
