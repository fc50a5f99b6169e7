package org.settingsreconciler.plan;

import org.settingsreconciler.model.Location;
import tools.jackson.databind.JsonNode;

/**
 * One property's move from the tenant's value to the desired one, for display.
 *
 * @param before the tenant's value (null when creating)
 * @param source where the desired value was written, or null when the tool chose it (a reset on prune)
 */
public record PropertyChange(String name, JsonNode before, JsonNode after, Location source) {}
