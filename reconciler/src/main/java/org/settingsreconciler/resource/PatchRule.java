package org.settingsreconciler.resource;

import tools.jackson.databind.node.ObjectNode;

/**
 * A resource's own rule for a PATCH body beyond "the properties that differ plus those required in every PATCH",
 * for example limited mode, whose PATCH must carry groupId whenever it turns isEnabledForGroup on.
 */
@FunctionalInterface
public interface PatchRule {

  PatchRule NONE = (body, desired, current) -> {};

  /**
   * Adjusts {@code body} in place.
   *
   * @param desired the desired properties from YAML (only those the user set)
   * @param current the tenant's current object
   */
  void complete(ObjectNode body, ObjectNode desired, ObjectNode current);
}
