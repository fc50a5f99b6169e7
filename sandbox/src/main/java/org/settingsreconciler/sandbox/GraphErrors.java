package org.settingsreconciler.sandbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's error JSON (docs/graph-facts.md section 9.3) and the errors the sandbox raises. Every error body has the same
 * shape, {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}, with a nested
 * {@code innerError.code} where the docs document one.
 */
final class GraphErrors {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private GraphErrors() {}

  static ObjectNode body(GraphErrorException e, String requestId, String clientRequestId) {
    return body(e.code(), e.getMessage(), e.innerCode(), requestId, clientRequestId);
  }

  static ObjectNode body(String code, String message, String innerCode, String requestId, String clientRequestId) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", code);
    error.put("message", message);
    ObjectNode inner = error.putObject("innerError");
    if (innerCode != null) {
      inner.put("code", innerCode);
    }
    inner.put("date", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DATE));
    inner.put("request-id", requestId);
    inner.put("client-request-id", clientRequestId);
    return root;
  }

  static GraphErrorException invalidRequest(String message) {
    return new GraphErrorException(400, "invalidRequest", message);
  }

  static GraphErrorException badRequest(String message) {
    return new GraphErrorException(400, "BadRequest", message);
  }

  static GraphErrorException segmentNotFound(String segment) {
    return badRequest("Resource not found for the segment '" + segment + "'.");
  }

  static GraphErrorException methodNotAllowed(String method) {
    return new GraphErrorException(
        405, "notSupported", "The HTTP method '" + method + "' is not supported for this resource.");
  }

  static GraphErrorException itemNotFound(String id) {
    return new GraphErrorException(404, "itemNotFound", "The item '" + id + "' was not found.");
  }

  /** A directory object (user, group) that does not exist: Graph answers the same for every kind. */
  static GraphErrorException directoryObjectNotFound(String id) {
    return userNotFound(id);
  }

  static GraphErrorException userNotFound(String user) {
    return new GraphErrorException(
        404,
        "Request_ResourceNotFound",
        "Resource '" + user + "' does not exist or one of its queried reference-property objects are not present.");
  }

  static GraphErrorException conflict(String message) {
    return new GraphErrorException(409, "nameAlreadyExists", message);
  }
}
