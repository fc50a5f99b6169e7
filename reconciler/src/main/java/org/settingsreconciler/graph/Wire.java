package org.settingsreconciler.graph;

import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * One request as it goes out.
 *
 * @param uri the absolute URL, for a request sent on its own
 * @param version the Graph version the URL is under, whose {@code /$batch} may carry it; null when the request
 *     cannot be batched (a next link outside every version root)
 * @param relative the URL relative to the version root, as a batch item needs it; null exactly when {@code version}
 *     is
 * @param body the JSON body, or null
 */
record Wire(String method, URI uri, GraphVersion version, String relative, JsonNode body) {

  Wire {
    if ((version == null) != (relative == null)) {
      throw new IllegalArgumentException("a batchable request has a version and a URL relative to it");
    }
  }

  boolean isRead() {
    return method.equals("GET");
  }

  /** Whether it may go in a {@code $batch} (of its version). */
  boolean batchable() {
    return version != null;
  }
}
