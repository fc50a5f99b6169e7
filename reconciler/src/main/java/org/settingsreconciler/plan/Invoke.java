package org.settingsreconciler.plan;

import java.util.List;
import org.settingsreconciler.resource.BoundAction;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A POST of an action Graph binds to an item ({@code .../{id}/block}, {@code .../{id}/reassign}): how the tool changes
 * a property its descriptor sets by an action (see {@link BoundAction}), instead of a PATCH of it. What it sets
 * follows from the action and its body alone, so a saved plan is judged exactly like a fresh one.
 *
 * @param name the action's name, as the descriptor and Graph's path name it
 * @param body the action's parameters ({@code {"userId": ...}}), or null for an action Graph takes without a body
 * @param before the tenant's value of the property the action sets, as planned against
 * @param properties the property's move, for display
 * @param reason why the tool plans it beyond "the YAML says so" (an agent the YAML does not list), or null
 * @param dependsOn see {@link Change#dependsOn()}
 */
public record Invoke(
    ResourceId resource, String path, String name, ObjectNode body, ObjectNode before,
    List<PropertyChange> properties, String reason, List<String> dependsOn)
    implements Change {

  public Invoke {
    properties = List.copyOf(properties);
    dependsOn = List.copyOf(dependsOn);
  }

  /** An action that depends on no other change. */
  public Invoke(ResourceId resource, String path, String name, ObjectNode body, ObjectNode before,
      List<PropertyChange> properties, String reason) {
    this(resource, path, name, body, before, properties, reason, List.of());
  }

  @Override
  public Invoke withDependsOn(List<String> addresses) {
    return new Invoke(resource, path, name, body, before, properties, reason, addresses);
  }

  @Override
  public String action() {
    return "invoke";
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public Operation operation() {
    return Operation.action(name);
  }

  /** The descriptor's account of this action; every Invoke names one (a saved plan's is checked when read). */
  public BoundAction spec() {
    return resource.descriptor().action(name).orElseThrow(
        () -> new IllegalStateException(address() + ": " + resource.descriptor().type() + " has no action " + name));
  }

  /** The property the action sets, and the value it sets it to. */
  @Override
  public ObjectNode effect() {
    BoundAction a = spec();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    JsonNode value = a.effect(body);
    out.set(a.property(), value == null ? JsonNodeFactory.instance.nullNode() : value);
    return out;
  }
}
