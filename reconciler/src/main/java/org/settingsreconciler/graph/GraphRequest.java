package org.settingsreconciler.graph;

import tools.jackson.databind.node.ObjectNode;

/**
 * One request to Graph, with its path under the Graph root, version first ({@code /v1.0/admin/people/pronouns}; see
 * {@link VersionChoice}). Plans hold these and apply sends exactly them.
 *
 * @param body the JSON body, or null for GET and DELETE
 */
public record GraphRequest(String method, String path, ObjectNode body) {

  public static GraphRequest get(String path) {
    return new GraphRequest("GET", path, null);
  }

  public boolean isRead() {
    return method.equals("GET");
  }
}
