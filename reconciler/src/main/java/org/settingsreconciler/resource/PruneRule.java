package org.settingsreconciler.resource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What pruning does to a collection item that is in the tenant but not in the YAML. Usually a DELETE, but some
 * items must never be deleted: the nameless profile property setting is reset instead, as the docs require.
 */
@FunctionalInterface
public interface PruneRule {

  PruneRule DELETE = item -> null;

  /**
   * @return null to delete the item, or the PATCH body that resets it (an empty body means it is already reset)
   */
  ObjectNode resetBodyFor(JsonNode item);
}
