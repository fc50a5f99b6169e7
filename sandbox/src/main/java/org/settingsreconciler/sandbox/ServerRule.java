package org.settingsreconciler.sandbox;

import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one endpoint's server does beyond the generic behaviour its metadata type implies: documented validations,
 * server-set fields and cross-property rules. Each implementation is small and named after its resource; see
 * {@link ServerRules} for which applies where.
 */
interface ServerRule {

  ServerRule NONE = new ServerRule() {};

  /**
   * One create or update, after the body was checked and merged into {@code merged}; {@code version} is the one it
   * came in.
   */
  record Write(ObjectNode merged, ObjectNode body, boolean created, SandboxState.User owner, ApiVersion version) {}

  /** Properties the docs let a create set but no update change. */
  default Set<String> createOnlyProperties() {
    return Set.of();
  }

  /** Server-set properties, so that a body setting one is refused as read-only rather than as unknown. */
  default Set<String> serverProperties() {
    return Set.of();
  }

  /**
   * Checks the values that the kind check cannot judge (enums, create-only properties).
   *
   * @param before the stored object, or null on create
   */
  default void checkBody(ObjectNode body, ObjectNode before) {}

  /** Completes a written object: server-set fields and rules across properties. Throws to refuse the write. */
  default void complete(Write write) {}

  /** Throws to refuse deleting this item. */
  default void checkDelete(ObjectNode item) {}

  /** Whether DELETE on this singleton is documented (it resets the object to its defaults). */
  default boolean deletableSingleton() {
    return false;
  }
}
