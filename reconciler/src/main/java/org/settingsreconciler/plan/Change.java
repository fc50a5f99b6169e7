package org.settingsreconciler.plan;

import org.settingsreconciler.graph.GraphRequest;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request that brings the tenant closer to the desired state. Plans show changes and apply sends exactly their
 * {@link #request()}: the same objects serve both, so what a reviewer approved is what goes on the wire.
 */
public sealed interface Change permits Create, Update, Delete, Invoke {

  ResourceId resource();

  /** The Graph path, version first: {@code /v1.0/admin/people/pronouns}. */
  String path();

  /** The Graph version the change goes to: the one its path starts with. */
  default GraphVersion version() {
    return GraphVersion.leading(path()).orElseThrow(
        () -> new IllegalStateException(address() + ": the path " + path() + " names no Graph version"));
  }

  /** What apply sends; null for DELETE. */
  ObjectNode body();

  /** The tenant's values this change was planned against (null for a create). */
  JsonNode before();

  default String address() {
    return resource().address();
  }

  /** "create", "update", "delete" or "invoke", as in plan JSON. */
  String action();

  /** The operation whose permissions the change needs: its action's, or the bound action's it invokes. */
  default Operation operation() {
    return Operation.ofAction(action());
  }

  /**
   * The values the tenant holds once the change is applied, as the read-back compares them: what a create or an
   * update sends, what an action sets; null for a delete.
   */
  default ObjectNode effect() {
    return body();
  }

  /** The HTTP method apply sends. */
  String method();

  /** What a reviewer should know beyond the values (Graph's own doings), in property order; see {@link Note}. */
  default java.util.List<Note> notes() {
    return ChangeNotes.of(this);
  }

  /**
   * The addresses of the changes of the same plan that must have been applied before this one is sent, beyond the
   * earlier changes to its own address (which always go first): a precedence list names a profile source, so the
   * source's create goes first; a source is deleted only after the lists stop naming it. The plan lists them before
   * this change; apply sends this one only once they all succeeded, never in the same batch.
   */
  java.util.List<String> dependsOn();

  /** This change, depending on {@code addresses} (see {@link #dependsOn()}). */
  Change withDependsOn(java.util.List<String> addresses);

  default GraphRequest request() {
    return new GraphRequest(method(), path(), body());
  }
}
