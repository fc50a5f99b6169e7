package org.settingsreconciler.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code POST /$batch} (docs/graph-facts.md 9.1): requests go out with ids "1".."n" and relative URLs, and
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
   * The answers of a batch, in the order of {@code wires}: exactly one answer for each request sent.
   *
   * <p>A batch answer is all or nothing. An answer that is not an object, an id that is missing, unknown or given
   * twice, a request left without an answer, or a status that is not a final HTTP status (a whole number, 200 to
   * 599): then the answer does not say which request it speaks of, or what happened, so none of it is believed. With a duplicate id, believing either
   * one could report a write that never happened as applied, or one that did as refused. The caller then treats every
   * request of the batch as sent without an answer: a read may go again, a write is left for the read-back.
   *
   * @throws GraphException when the body is not one answer for each request
   */
  static List<Answer> decode(JsonNode body, int count, int status, String requestId) throws GraphException {
    JsonNode responses = body == null ? null : body.get("responses");
    if (responses == null || !responses.isArray()) {
      throw Responses.malformed("a batch response without a responses array", status, requestId);
    }
    Answer[] answers = new Answer[count];
    for (JsonNode r : responses) {
      if (!r.isObject()) {
        throw Responses.malformed("a batch response holding something other than an answer", status, requestId);
      }
      JsonNode id = r.get("id");
      int index = id != null && id.isString() ? indexOf(id.asString(), count) : -1;
      if (index < 0) {
        String which = id == null ? "no id" : "the id " + id + ", which was not sent";
        throw Responses.malformed("a batch answer with " + which, status, requestId);
      }
      if (answers[index] != null) {
        throw Responses.malformed("a batch response that answers request " + id + " twice", status, requestId);
      }
      JsonNode itemStatus = r.get("status");
      // A final HTTP status: a 1xx says only that an answer is coming, nothing of what happened.
      boolean httpStatus = itemStatus != null && itemStatus.isIntegralNumber() && itemStatus.canConvertToInt()
          && itemStatus.asInt() >= 200 && itemStatus.asInt() <= 599;
      if (!httpStatus) {
        throw Responses.malformed("a batch answer to request " + id + " whose status is "
            + (itemStatus == null ? "missing" : itemStatus) + ", not a final HTTP status", status, requestId);
      }
      answers[index] = item(r, itemStatus.asInt());
    }
    for (int i = 0; i < count; i++) {
      if (answers[i] == null) {
        throw Responses.malformed("a batch response without an answer to request \"" + (i + 1) + "\"", status,
            requestId);
      }
    }
    return List.of(answers);
  }

  /** The index of the request sent with this id ("1".."count", as {@link #encode} numbers them), or -1. */
  private static int indexOf(String id, int count) {
    for (int i = 0; i < count; i++) {
      if (id.equals(String.valueOf(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  private static Answer item(JsonNode r, int status) {
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
    return Answer.of(status, headers, body, null);
  }
}
