package org.settingsreconciler.render;

import org.settingsreconciler.graph.GraphError;

/** Graph's message with the documented meaning of the error, for reports that show code and request-id apart. */
final class GraphErrorText {

  private GraphErrorText() {}

  static String message(GraphError e) {
    String message = e.message() == null ? "" : e.message().strip();
    if (e.hint() != null) {
      message += (message.isEmpty() ? "" : " ") + "(" + e.hint() + ")";
    }
    return message;
  }
}
