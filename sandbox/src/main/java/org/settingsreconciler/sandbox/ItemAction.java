package org.settingsreconciler.sandbox;

import tools.jackson.databind.JsonNode;

/**
 * An action the docs bind to an endpoint's items ({@code POST .../{id}/block}) and what it does to the item: sets
 * one property to a fixed value, or to the value of its one parameter. Its parameters themselves come from the
 * metadata (see {@link ActionHandler}).
 *
 * @param property the item's property the action sets
 * @param value the value it sets (block: true), or null when it sets the parameter's value
 * @param parameter the parameter whose value it sets (reassign's userId), or null
 * @param userParameter whether the parameter names a user of the tenant, which must exist
 */
record ItemAction(String name, String property, JsonNode value, String parameter, boolean userParameter) {

  static ItemAction setting(String name, String property, JsonNode value) {
    return new ItemAction(name, property, value, null, false);
  }

  static ItemAction settingToAUser(String name, String property, String parameter) {
    return new ItemAction(name, property, null, parameter, true);
  }
}
