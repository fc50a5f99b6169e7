package org.settingsreconciler.plan;

import org.settingsreconciler.graph.GraphRequest;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;

/**
 * One request that brings the tenant closer to the desired state. Plans show changes and apply sends exactly their
 * {@link #request()}: the same objects serve both, so what a reviewer approved is what goes on the wire.
 */
public sealed interface Change permits Create, Update, Delete {

  ResourceId resource();

  /** Graph path relative to the version root. */
  String path();

  /** What apply sends; null for DELETE. */
  tools.jackson.databind.node.ObjectNode body();

  /** The tenant's values this change was planned against (null for a create). */
  JsonNode before();

  default String address() {
    return resource().address();
  }

  /** "create", "update" or "delete", as in plan JSON. */
  String action();

  /** The HTTP method apply sends. */
  String method();

  /** What a reviewer should know beyond the values (Graph's own doings), in property order; see {@link Note}. */
  default java.util.List<Note> notes() {
    return ChangeNotes.of(this);
  }

  default GraphRequest request() {
    return new GraphRequest(method(), path(), body());
  }
}
