package org.settingsreconciler.resolve;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ValueKind;
import tools.jackson.databind.JsonNode;

/**
 * A group written by name, {@code {group: "<display name>"}}, where a property holds an Entra group id.
 *
 * @param at where the {@code {group: ...}} value was written, for errors
 */
public record GroupReference(DesiredResource resource, String property, String name, Location at) {

  /** The dotted key path of the property, as errors name it. */
  public String key() {
    return resource.address() + "." + property;
  }

  /** Every group reference in the desired state, in resource order. */
  public static List<GroupReference> in(DesiredState state) {
    List<GroupReference> out = new ArrayList<>();
    for (DesiredResource r : state.resources()) {
      for (PropertySpec p : r.id().descriptor().properties()) {
        String name = nameIn(p, r.properties().get(p.name()));
        if (name != null) {
          out.add(new GroupReference(r, p.name(), name, r.propertyLocations().get(p.name())));
        }
      }
    }
    return out;
  }

  /** The group name a value holds, when the property takes group ids and the value names a group. */
  static String nameIn(PropertySpec p, JsonNode value) {
    if (p.kind() != ValueKind.GROUP_ID || value == null || !value.isObject()) {
      return null;
    }
    JsonNode name = value.get("group");
    return name != null && name.isString() ? name.asString() : null;
  }

  /**
   * Refuses a desired state whose group names were never resolved: planning it would send {@code {group: ...}}
   * to Graph instead of an id.
   */
  public static void requireNone(DesiredState state) {
    List<GroupReference> left = in(state);
    if (!left.isEmpty()) {
      throw new IllegalStateException("group names not resolved before planning: " + left.get(0).key());
    }
  }
}
