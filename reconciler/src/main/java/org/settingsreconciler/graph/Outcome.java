package org.settingsreconciler.graph;

/** How one request ended: Graph's answer, or the error that stopped it. Exactly one of the two is set. */
public record Outcome(GraphResponse response, GraphError error) {

  public static Outcome of(GraphResponse response) {
    return new Outcome(response, null);
  }

  public static Outcome failed(GraphError error) {
    return new Outcome(null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
