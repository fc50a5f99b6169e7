package org.settingsreconciler.graph;

import java.util.List;

/**
 * How a request or a read ended: its value (Graph's answer, an object, every item of a list), or the Graph error that
 * stopped it. Exactly one of the two is set. The one result type of the client and of the state reader.
 */
public record GraphResult<T>(T value, GraphError error) {

  public static <T> GraphResult<T> of(T value) {
    return new GraphResult<>(value, null);
  }

  /** Every item of a list, copied: the result does not change when the list it was made from does. */
  public static <E> GraphResult<List<E>> items(List<E> items) {
    return new GraphResult<>(List.copyOf(items), null);
  }

  public static <T> GraphResult<T> failed(GraphError error) {
    return new GraphResult<>(null, error);
  }

  public boolean ok() {
    return error == null;
  }
}
