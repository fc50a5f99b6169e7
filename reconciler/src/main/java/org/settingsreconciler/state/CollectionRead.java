package org.settingsreconciler.state;

import java.util.List;
import org.settingsreconciler.graph.GraphError;
import tools.jackson.databind.JsonNode;

/** Every item of one collection in the tenant, or why it could not be listed. Exactly one of the two is set. */
public record CollectionRead(List<JsonNode> items, GraphError error) {

  public static CollectionRead of(List<JsonNode> items) {
    return new CollectionRead(List.copyOf(items), null);
  }

  public static CollectionRead failed(GraphError error) {
    return new CollectionRead(null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
