package org.settingsreconciler.model;

import java.util.Map;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.node.ObjectNode;

/**
 * One object as the YAML wants it. Only the properties the user wrote are present: a property missing here is not
 * managed, an explicit null means "must be null".
 *
 * @param location where the object is declared (its key)
 * @param propertyLocations where each property's value was written, for errors and provenance
 */
public record DesiredResource(
    ResourceId id, ObjectNode properties, Location location, Map<String, Location> propertyLocations) {

  public String address() {
    return id.address();
  }
}
