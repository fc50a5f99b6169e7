package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.resource.BoundAction;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides the actions that bring an object's action-set properties (see {@link BoundAction}) to their desired values:
 * one {@link Invoke} per property that differs, of the action that reaches the desired value. This is the only place
 * an action is planned from the YAML; pruning plans its own (see {@link Differ}).
 */
final class ActionPlanner {

  private ActionPlanner() {}

  /**
   * @param current the tenant's object
   * @param itemPath the object's Graph path, asked for only when an action is planned
   */
  static List<Invoke> invokes(DesiredResource desired, JsonNode current, Supplier<String> itemPath) {
    ResourceDescriptor d = desired.id().descriptor();
    List<Invoke> out = new ArrayList<>();
    for (PropertySpec p : d.properties()) {
      if (!d.setByAction(p.name()) || !desired.properties().has(p.name())) {
        continue;
      }
      JsonNode after = desired.properties().get(p.name());
      JsonNode before = PatchBuilder.orNull(current == null ? null : current.get(p.name()));
      if (p.comparator().satisfied(after, before)) {
        continue;
      }
      BoundAction a = d.actionReaching(p.name(), after).orElseThrow(() -> new IllegalStateException(
          desired.address() + "." + p.name() + ": no action of " + d.type() + " sets it to " + after
              + " (the schema should have refused it)"));
      PropertyChange move = new PropertyChange(p.name(), before, after, desired.propertyLocations().get(p.name()),
          desired.origin(p.name()));
      out.add(invoke(desired.id(), a, move, itemPath.get(), null));
    }
    return out;
  }

  /** The action {@code a} on the item at {@code itemPath}, for the property move it makes. */
  static Invoke invoke(ResourceId id, BoundAction a, PropertyChange move, String itemPath, String reason) {
    ObjectNode was = JsonNodeFactory.instance.objectNode();
    was.set(move.name(), PatchBuilder.orNull(move.before()));
    return new Invoke(id, itemPath + "/" + a.name(), a.name(), a.body(move.after()), was, List.of(move), reason);
  }
}
