package org.settingsreconciler.resolve;

import java.util.List;
import org.settingsreconciler.graph.GraphError;

/**
 * The directory could not be asked which groups or users have the names the desired state uses: Graph could not be
 * reached, or refused the lookup. Nothing is wrong with the desired state, so this is not said like its errors; it
 * stops the run before any setting is read or written.
 */
public final class NameLookupException extends RuntimeException {

  private final NameReference.Kind kind;
  private final List<String> names;
  private final GraphError error;

  public NameLookupException(NameReference.Kind kind, List<String> names, GraphError error) {
    super("could not look up the " + kind.noun() + "s " + String.join(", ", names) + ": " + error.describe());
    this.kind = kind;
    this.names = List.copyOf(names);
    this.error = error;
  }

  /** Whether groups or users were looked up. */
  public NameReference.Kind kind() {
    return kind;
  }

  /** The distinct names looked up, as written. */
  public List<String> names() {
    return names;
  }

  public GraphError error() {
    return error;
  }
}
