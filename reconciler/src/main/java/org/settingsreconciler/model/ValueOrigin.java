package org.settingsreconciler.model;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a reviewer needs to know about a desired value beyond the file position it was written at: the layer that
 * set it and the base value it replaced (when the desired state is built from layers), and the group or user name it
 * was written as (when an id was given as {@code {group: "<name>"}} or {@code {user: "<upn>"}}), or, for a list of
 * users and groups, the names its entries were written as. Every part is optional.
 *
 * @param layer the layer that set the value, or null when the desired state has no layers
 * @param overrode the value of an earlier layer that this one replaced, or null
 * @param groupName the Entra group display name the value was resolved from, or null
 * @param userName the user principal name the value was resolved from, or null
 * @param entries the entries of a list written by name, each with the id it resolved to; empty when none was
 */
public record ValueOrigin(String layer, Overridden overrode, String groupName, String userName, List<Named> entries) {

  /** A base layer's value that a later layer replaced, and where the base wrote it. */
  public record Overridden(String layer, Location at, JsonNode value) {}

  /** An entry written by name: {@code kind} is {@code group} or {@code user}, as the YAML writes it. */
  public record Named(String kind, String name, String id) {}

  public ValueOrigin {
    entries = List.copyOf(entries);
  }

  public static ValueOrigin ofLayer(String layer, Overridden overrode) {
    return new ValueOrigin(layer, overrode, null, null, List.of());
  }

  public static ValueOrigin resolvedGroup(ValueOrigin origin, String name) {
    return origin == null ? new ValueOrigin(null, null, name, null, List.of())
        : new ValueOrigin(origin.layer, origin.overrode, name, null, List.of());
  }

  public static ValueOrigin resolvedUser(ValueOrigin origin, String name) {
    return origin == null ? new ValueOrigin(null, null, null, name, List.of())
        : new ValueOrigin(origin.layer, origin.overrode, null, name, List.of());
  }

  /** The origin of a list whose entries {@code named} were written by name. */
  public static ValueOrigin resolvedEntries(ValueOrigin origin, List<Named> named) {
    return origin == null ? new ValueOrigin(null, null, null, null, named)
        : new ValueOrigin(origin.layer, origin.overrode, null, null, named);
  }

  /** The name the value was written as, group or user, or null. */
  public String writtenAs() {
    return groupName != null ? groupName : userName;
  }
}
