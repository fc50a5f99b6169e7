package org.settingsreconciler.plan;

import org.settingsreconciler.model.Location;
import org.settingsreconciler.model.ValueOrigin;
import tools.jackson.databind.JsonNode;

/**
 * One property's move from the tenant's value to the desired one, for display.
 *
 * @param before the tenant's value (null when creating)
 * @param source where the desired value was written, or null when the tool chose it (a reset on prune)
 * @param origin the layer, overridden base value and group name of the desired value, or null
 */
public record PropertyChange(String name, JsonNode before, JsonNode after, Location source, ValueOrigin origin) {

  public PropertyChange(String name, JsonNode before, JsonNode after, Location source) {
    this(name, before, after, source, null);
  }

  /** The group name the desired value was written as, or null. */
  public String groupName() {
    return origin == null ? null : origin.groupName();
  }

  /** The entries of a users-and-groups list that were written by name, with the ids they resolved to. */
  public java.util.List<ValueOrigin.Named> namedEntries() {
    return origin == null ? java.util.List.of() : origin.entries();
  }

  /** The group name or user principal name the desired value was written as, or null. */
  public String writtenAs() {
    return origin == null ? null : origin.writtenAs();
  }
}
