package org.settingsreconciler.state;

import org.settingsreconciler.graph.GraphError;
import tools.jackson.databind.JsonNode;

/** The tenant's copy of one object, or why it could not be read. Exactly one of the two is set. */
public record ObjectRead(JsonNode object, GraphError error) {

  public static ObjectRead of(JsonNode object) {
    return new ObjectRead(object, null);
  }

  public static ObjectRead failed(GraphError error) {
    return new ObjectRead(null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
