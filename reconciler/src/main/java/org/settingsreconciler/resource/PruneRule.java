package org.settingsreconciler.resource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What pruning does to a collection item that is in the tenant but not in the YAML. Usually a DELETE, but Graph
 * constrains some items: the nameless profile property setting must never be deleted, only reset, and a profile
 * property setting is deleted only once its source list holds nothing but the Entra ID source.
 */
@FunctionalInterface
public interface PruneRule {

  PruneRule DELETE = item -> new Decision(null, true);

  Decision decide(JsonNode item);

  /**
   * @param resetBody a PATCH to send first, or null when none is needed
   * @param delete whether to DELETE the item (after the reset, if any)
   */
  record Decision(ObjectNode resetBody, boolean delete) {}
}
