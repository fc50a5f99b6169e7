package org.settingsreconciler.graph;

import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * One request as it goes out.
 *
 * @param uri the absolute URL, for a request sent on its own
 * @param relative the URL relative to the version root, as a batch item needs it; null when the request cannot be
 *     batched (a next link outside the version root)
 * @param body the JSON body, or null
 */
record Wire(String method, URI uri, String relative, JsonNode body) {

  boolean isRead() {
    return method.equals("GET");
  }
}
