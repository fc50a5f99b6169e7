package org.settingsreconciler.resource;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An action Graph binds to a resource's items ({@code POST .../{id}/block}) that the tool sends to set one managed
 * property, rather than a PATCH of it: where Microsoft documents an operation made for the change (blocking an agent),
 * that is what plans show and apply sends. A property that an action sets is never written by PATCH.
 *
 * @param name the action's name, the last segment of its path
 * @param property the managed property it sets
 * @param value the value it sets the property to ({@code true} for block), or null when it sets the property to the
 *     value its parameter carries (reassign sets the owner to the {@code userId} it is sent)
 * @param parameter the body parameter that carries the new value, or null for an action sent without a body
 * @param destructive what setting the value destroys, for plans and refusals (blocking: everyone using the agent
 *     loses it), or null
 */
public record BoundAction(String name, String property, JsonNode value, String parameter, String destructive) {

  public BoundAction {
    Objects.requireNonNull(name);
    Objects.requireNonNull(property);
    if ((value == null) == (parameter == null)) {
      throw new IllegalArgumentException(name + ": an action sets a fixed value, or the value of one parameter");
    }
  }

  /** An action sent without a body that sets {@code property} to {@code value}. */
  public static BoundAction setting(String name, String property, JsonNode value) {
    return new BoundAction(name, property, value, null, null);
  }

  /** An action that sets {@code property} to the value it is sent as {@code parameter}. */
  public static BoundAction passing(String name, String property, String parameter) {
    return new BoundAction(name, property, null, parameter, null);
  }

  /** This action, marked destructive for {@code reason}. */
  public BoundAction destructiveBecause(String reason) {
    return new BoundAction(name, property, value, parameter, Objects.requireNonNull(reason));
  }

  /** Whether this action can bring its property to {@code desired}: its own value, or any string it is sent. */
  public boolean reaches(JsonNode desired) {
    if (desired == null || desired.isNull() || desired.isMissingNode()) {
      return false;
    }
    return value != null ? value.equals(desired) : desired.isString();
  }

  /** What the action is sent to bring its property to {@code desired}: null without a parameter. */
  public ObjectNode body(JsonNode desired) {
    if (parameter == null) {
      return null;
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set(parameter, desired);
    return body;
  }

  /**
   * The value the property holds once the action has run with {@code body}, or null when the body does not carry
   * it (a parameterised action sent without its parameter).
   */
  public JsonNode effect(ObjectNode body) {
    if (value != null) {
      return value;
    }
    return body == null ? null : body.get(parameter);
  }
}
