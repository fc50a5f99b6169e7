package org.settingsreconciler.sandbox;

import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/graph-facts.md 7 (m365copilot-docs {@code copilotpackagedetail-update.md}): a PATCH of a package may set only
 * who may
 * use it and who gets it, allowedUsersAndGroups and acquireUsersAndGroups; everything else is the publisher's, or
 * set by an action (isBlocked by block and unblock, ownerId by reassign), and refused as read-only. The update page
 * is beta's only (v1.0 has list and get since 2026-07): a PATCH under v1.0 is refused, as calls a version lacks are.
 */
final class CopilotPackageRule implements ServerRule {

  static final Set<String> UPDATABLE = Set.of("allowedUsersAndGroups", "acquireUsersAndGroups");

  @Override
  public void complete(Write write) {
    if (write.version() != ApiVersion.BETA) {
      throw GraphErrors.badRequest("No HTTP resource was found that matches the request: PATCH of a package is in "
          + "beta only.");
    }
  }

  @Override
  public void checkBody(ObjectNode body, ObjectNode before) {
    for (String name : body.propertyNames()) {
      if (!name.startsWith("@odata.") && !UPDATABLE.contains(name)) {
        throw GraphErrors.invalidRequest("The property '" + name + "' is read-only and cannot be set.");
      }
    }
  }
}
