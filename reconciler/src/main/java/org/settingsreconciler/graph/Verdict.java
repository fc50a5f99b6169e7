package org.settingsreconciler.graph;

import java.util.Optional;

/**
 * An answer judged: a success, or an error and whether the same request may be sent again (and when Graph asked
 * for it, with Retry-After).
 */
record Verdict(GraphResponse response, GraphError error, boolean repeatable, Optional<String> retryAfter) {

  static Verdict success(GraphResponse response) {
    return new Verdict(response, null, false, Optional.empty());
  }

  static Verdict failure(GraphError error, boolean repeatable, Optional<String> retryAfter) {
    return new Verdict(null, error, repeatable, retryAfter);
  }

  boolean ok() {
    return error == null;
  }
}
