package org.settingsreconciler.sandbox;

import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/graph-facts.md 7 (m365copilot-docs {@code copilotpackagedetail-update.md}): a PATCH of a package may set only
 * who may
 * use it and who gets it, allowedUsersAndGroups and acquireUsersAndGroups; everything else is the publisher's, or
 * set by an action (isBlocked by block and unblock, ownerId by reassign), and refused as read-only.
 */
final class CopilotPackageRule implements ServerRule {

  static final Set<String> UPDATABLE = Set.of("allowedUsersAndGroups", "acquireUsersAndGroups");

  @Override
  public void checkBody(ObjectNode body, ObjectNode before) {
    for (String name : body.propertyNames()) {
      if (!name.startsWith("@odata.") && !UPDATABLE.contains(name)) {
        throw GraphErrors.invalidRequest("The property '" + name + "' is read-only and cannot be set.");
      }
    }
  }
}
