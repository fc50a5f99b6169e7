package org.settingsreconciler.graph;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What came back for one request, before it is judged: an HTTP status with headers and body (for a request of its
 * own or a batch item alike), or no answer at all.
 *
 * @param headers header names in lower case (batch items spell them as they like)
 * @param body the parsed body, or null when there was none or it could not be read
 * @param unreadable what the body that came is, when it could not be read ("a body that is not valid JSON", one past
 *     the size limit), else null
 * @param requestId Graph's request-id for this answer, or null
 * @param clientRequestId the client-request-id sent with the request, or null
 * @param failure why no answer came, or null when one did
 * @param delivery for no answer: whether the request may have reached Graph
 */
record Answer(
    int status,
    Map<String, String> headers,
    JsonNode body,
    String unreadable,
    String requestId,
    String clientRequestId,
    GraphError failure,
    Delivery delivery) {

  /** For a request that got no answer: could it have been processed? That decides whether it may be repeated. */
  enum Delivery {
    /** Never left this machine (no connection was made): any request may be sent again. */
    NOT_SENT,
    /** May have reached Graph: reads may be repeated, writes must not be. */
    MAYBE_SENT,
    /** Must not be repeated at all (no credentials, interrupted, a certificate Graph's address should not have). */
    FINAL
  }

  static Answer of(int status, Map<String, String> headers, JsonNode body, String unreadable) {
    Map<String, String> lower = new TreeMap<>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return new Answer(status, lower, body, unreadable, lower.get("request-id"), null, null, null);
  }

  static Answer failed(GraphError failure, Delivery delivery) {
    return new Answer(0, Map.of(), null, null, failure.requestId(), failure.clientRequestId(), failure, delivery);
  }

  /** The same answer, for the request sent with this client-request-id. */
  Answer sentAs(String id) {
    return new Answer(status, headers, body, unreadable, requestId, id,
        failure == null ? null : failure.withClientRequestId(id), delivery);
  }

  /** The same answer with Graph's request-id, when it carries none of its own (a batch item, say). */
  Answer orRequestId(String id) {
    return requestId != null || id == null ? this : new Answer(status, headers, body, unreadable, id,
        clientRequestId, failure == null || failure.requestId() != null ? failure : failure.withRequestId(id),
        delivery);
  }

  Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }
}
