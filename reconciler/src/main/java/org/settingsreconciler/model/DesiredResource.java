package org.settingsreconciler.model;

import java.util.Map;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.node.ObjectNode;

/**
 * One object as the YAML wants it. Only the properties the user wrote are present: a property missing here is not
 * managed, an explicit null means "must be null".
 *
 * @param location where the object is declared (its key)
 * @param propertyLocations where each property's value was written, for errors and provenance; and each item of a
 *     list value, under {@link #itemOf(String, int)}
 * @param propertyOrigins the layer, overridden base value or group name of a property's value, where there is one
 */
public record DesiredResource(
    ResourceId id,
    ObjectNode properties,
    Location location,
    Map<String, Location> propertyLocations,
    Map<String, ValueOrigin> propertyOrigins) {

  public DesiredResource(
      ResourceId id, ObjectNode properties, Location location, Map<String, Location> propertyLocations) {
    this(id, properties, location, propertyLocations, Map.of());
  }

  public String address() {
    return id.address();
  }

  /** The key of {@code propertyLocations} under which the item {@code index} of a list property is: {@code name[i]}. */
  public static String itemOf(String property, int index) {
    return property + "[" + index + "]";
  }

  /** The origin of a property's value, or null when there is nothing to say beyond its location. */
  public ValueOrigin origin(String property) {
    return propertyOrigins.get(property);
  }
}
