package org.settingsreconciler.sandbox;

import tools.jackson.databind.JsonNode;

/**
 * One request as the sandbox received it, so tests can assert what a client actually sent. A batch is recorded
 * as its envelope ({@code POST /$batch}) followed by each request it carries.
 *
 * @param method the HTTP method
 * @param path the path, version first, with its raw query, e.g. {@code /v1.0/users?$top=2}; a batch item's is its
 *     URL under the batch's version
 * @param body the JSON body, or null when there was none or it was not JSON
 * @param inBatch whether the request came inside a {@code $batch}
 */
public record RecordedRequest(String method, String path, JsonNode body, boolean inBatch) {

  public RecordedRequest(String method, String path, JsonNode body) {
    this(method, path, body, false);
  }
}
