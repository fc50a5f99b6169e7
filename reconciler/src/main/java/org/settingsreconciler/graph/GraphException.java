package org.settingsreconciler.graph;

/** A request failed; carries Graph's error. Never holds a token or a request body. */
public final class GraphException extends Exception {

  private final GraphError error;

  public GraphException(GraphError error) {
    super(error.describe());
    this.error = error;
  }

  public GraphError error() {
    return error;
  }
}
