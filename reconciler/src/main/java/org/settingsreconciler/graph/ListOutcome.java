package org.settingsreconciler.graph;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** How reading a whole list ended: every item of every page, or the error that stopped it. One of the two is set. */
public record ListOutcome(List<JsonNode> items, GraphError error) {

  public static ListOutcome of(List<JsonNode> items) {
    return new ListOutcome(List.copyOf(items), null);
  }

  public static ListOutcome failed(GraphError error) {
    return new ListOutcome(null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
