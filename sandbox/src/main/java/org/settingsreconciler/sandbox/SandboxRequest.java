package org.settingsreconciler.sandbox;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request reduced to what routing and handlers need, independent of the HTTP server.
 *
 * @param version the Graph version the request came under ({@code /v1.0} or {@code /beta})
 * @param method the HTTP method, upper case
 * @param segments the URL-decoded path segments after the version
 * @param rawPath the undecoded path after the version, used to build next links
 * @param rawQuery the undecoded query string, or null
 * @param query the decoded query options, keys lower-cased (OData option names ignore case); on beta an option sent
 *     without its {@code $} is keyed with it (see {@link SandboxRequests#optionName})
 * @param bodyText the request body, empty when none
 */
record SandboxRequest(
    ApiVersion version,
    String method,
    List<String> segments,
    String rawPath,
    String rawQuery,
    Map<String, String> query,
    String bodyText) {

  /**
   * The body as a JSON object. Graph answers 400 BadRequest when a write carries no body or one it can't read, so
   * that is what this throws.
   */
  ObjectNode jsonObjectBody() {
    if (bodyText.isBlank()) {
      throw GraphErrors.badRequest("Empty Payload. JSON content expected.");
    }
    JsonNode parsed;
    try {
      parsed = SandboxJson.parse(bodyText);
    } catch (JacksonException e) {
      throw GraphErrors.badRequest(
          "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid "
              + "JSON format.");
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw GraphErrors.badRequest("The request payload must be a JSON object.");
    }
    return object;
  }
}
