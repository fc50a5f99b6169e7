package org.settingsreconciler.resolve;

import java.util.List;
import org.settingsreconciler.graph.GraphError;

/**
 * The directory could not be asked which groups have the names the desired state uses: Graph could not be
 * reached, or refused the lookup. Nothing is wrong with the desired state, so this is not said like its errors; it
 * stops the run before any setting is read or written.
 */
public final class GroupLookupException extends RuntimeException {

  private final List<String> names;
  private final GraphError error;

  public GroupLookupException(List<String> names, GraphError error) {
    super("could not look up the Entra groups " + String.join(", ", names) + ": " + error.describe());
    this.names = List.copyOf(names);
    this.error = error;
  }

  /** The distinct group names looked up, as written. */
  public List<String> names() {
    return names;
  }

  public GraphError error() {
    return error;
  }
}
