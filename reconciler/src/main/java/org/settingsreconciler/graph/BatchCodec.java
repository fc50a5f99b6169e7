package org.settingsreconciler.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code POST /$batch} (graph-api.md 9.1): requests go out with ids "1".."n" and relative URLs, and
 * answers come back in any order, so they are matched by id, never by position.
 */
final class BatchCodec {

  private BatchCodec() {}

  /** @param clientRequestIds one per wire, sent as the item's client-request-id */
  static ObjectNode encode(List<Wire> wires, List<String> clientRequestIds) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode requests = root.putArray("requests");
    for (int i = 0; i < wires.size(); i++) {
      Wire w = wires.get(i);
      ObjectNode r = requests.addObject();
      r.put("id", String.valueOf(i + 1));
      r.put("method", w.method());
      r.put("url", w.relative());
      ObjectNode headers = r.putObject("headers");
      // Per item, so a support case can name the one request that went wrong.
      headers.put("client-request-id", clientRequestIds.get(i));
      if (w.body() != null) {
        // Graph requires a Content-Type on every item that has a body.
        headers.put("Content-Type", "application/json; charset=utf-8");
        r.set("body", w.body());
      }
    }
    return root;
  }

  /**
   * The answers of a batch, in the order of {@code wires}; an item Graph did not answer is null.
   *
   * @throws GraphException when the body is not a batch response at all
   */
  static List<Answer> decode(JsonNode body, int count, int status, String requestId) throws GraphException {
    JsonNode responses = body == null ? null : body.get("responses");
    if (responses == null || !responses.isArray()) {
      throw Responses.malformed("a batch response without a responses array", status, requestId);
    }
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode r : responses) {
      JsonNode id = r.get("id");
      if (r.isObject() && id != null && id.isString()) {
        byId.put(id.asString(), r);
      }
    }
    List<Answer> answers = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      JsonNode r = byId.get(String.valueOf(i));
      answers.add(r == null ? null : item(r));
    }
    return answers;
  }

  private static Answer item(JsonNode r) {
    JsonNode status = r.get("status");
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = r.get("headers");
    if (h != null && h.isObject()) {
      for (var e : h.properties()) {
        headers.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString());
      }
    }
    JsonNode body = r.get("body");
    if (body != null && body.isNull()) {
      body = null;
    }
    return Answer.of(status != null && status.canConvertToInt() ? status.asInt() : 0, headers, body, false);
  }
}
