package org.settingsreconciler.sandbox;

import tools.jackson.databind.JsonNode;

/**
 * Limited mode (docs/graph-facts.md 4): "If true, groupId must be provided for limited mode to apply to that group's
 * members". The sandbox refuses a PATCH that would leave it enabled without a group, so a client that forgets to
 * send groupId along is caught.
 */
final class LimitedModeRule implements ServerRule {

  @Override
  public void complete(Write write) {
    JsonNode enabled = write.merged().get("isEnabledForGroup");
    JsonNode groupId = write.merged().get("groupId");
    boolean hasGroup = groupId != null && groupId.isString() && !groupId.asString().isEmpty();
    if (enabled != null && enabled.isBoolean() && enabled.asBoolean() && !hasGroup) {
      throw GraphErrors.invalidRequest(
          "The property 'groupId' is required when 'isEnabledForGroup' is true.");
    }
  }
}
