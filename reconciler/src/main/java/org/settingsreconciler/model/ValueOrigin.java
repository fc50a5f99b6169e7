package org.settingsreconciler.model;

import tools.jackson.databind.JsonNode;

/**
 * What a reviewer needs to know about a desired value beyond the file position it was written at: the layer that
 * set it and the base value it replaced (when the desired state is built from layers), and the group or user name it
 * was written as (when an id was given as {@code {group: "<name>"}} or {@code {user: "<upn>"}}). Every part is
 * optional.
 *
 * @param layer the layer that set the value, or null when the desired state has no layers
 * @param overrode the value of an earlier layer that this one replaced, or null
 * @param groupName the Entra group display name the value was resolved from, or null
 * @param userName the user principal name the value was resolved from, or null
 */
public record ValueOrigin(String layer, Overridden overrode, String groupName, String userName) {

  /** A base layer's value that a later layer replaced, and where the base wrote it. */
  public record Overridden(String layer, Location at, JsonNode value) {}

  public static ValueOrigin ofLayer(String layer, Overridden overrode) {
    return new ValueOrigin(layer, overrode, null, null);
  }

  public static ValueOrigin resolvedGroup(ValueOrigin origin, String name) {
    return origin == null ? new ValueOrigin(null, null, name, null)
        : new ValueOrigin(origin.layer, origin.overrode, name, null);
  }

  public static ValueOrigin resolvedUser(ValueOrigin origin, String name) {
    return origin == null ? new ValueOrigin(null, null, null, name)
        : new ValueOrigin(origin.layer, origin.overrode, null, name);
  }

  /** The name the value was written as, group or user, or null. */
  public String writtenAs() {
    return groupName != null ? groupName : userName;
  }
}
