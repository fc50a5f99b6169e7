package org.settingsreconciler.resolve;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.UsersAndGroups;
import org.settingsreconciler.resource.ValueKind;
import tools.jackson.databind.JsonNode;

/**
 * A group or a user written by name where a property holds an Entra id: {@code {group: "<display name>"}} for a
 * group id ({@link ValueKind#GROUP_ID}), {@code {user: "<user principal name>"}} for a user id ({@link
 * ValueKind#USER_ID}), and either as an entry of a users-and-groups list ({@link ValueKind#USERS_AND_GROUPS}).
 *
 * @param entry the entry's index in a users-and-groups list, or -1 where the name is the property's value itself
 * @param at where the value was written, for errors
 */
public record NameReference(DesiredResource resource, String property, int entry, Kind kind, String name,
    Location at) {

  /** Which directory a name is looked up in. */
  public enum Kind {
    GROUP(UsersAndGroups.GROUP, "Entra group"),
    USER(UsersAndGroups.USER, "Entra user");

    private final String yamlKey;
    private final String noun;

    Kind(String yamlKey, String noun) {
      this.yamlKey = yamlKey;
      this.noun = noun;
    }

    /** The key the YAML writes the name under: {@code group}, {@code user}; also Graph's resourceType of it. */
    public String yamlKey() {
      return yamlKey;
    }

    /** "Entra group", "Entra user", as messages say. */
    public String noun() {
      return noun;
    }
  }

  /** The address of the value, as errors name it: {@code copilot.agents["P_1"].ownerId}, {@code ...[2]}. */
  public String key() {
    return resource.address() + "." + property + (entry < 0 ? "" : "[" + entry + "]");
  }

  /** Every name in the desired state, in resource, property and entry order. */
  public static List<NameReference> in(DesiredState state) {
    List<NameReference> out = new ArrayList<>();
    for (DesiredResource r : state.resources()) {
      for (PropertySpec p : r.id().descriptor().properties()) {
        JsonNode value = r.properties().get(p.name());
        Location at = r.propertyLocations().get(p.name());
        switch (p.kind()) {
          case GROUP_ID -> nameIn(value, Kind.GROUP)
              .ifPresent(n -> out.add(new NameReference(r, p.name(), -1, Kind.GROUP, n, at)));
          case USER_ID -> nameIn(value, Kind.USER)
              .ifPresent(n -> out.add(new NameReference(r, p.name(), -1, Kind.USER, n, at)));
          case USERS_AND_GROUPS -> {
            for (int i = 0; value != null && value.isArray() && i < value.size(); i++) {
              for (Kind k : Kind.values()) {
                int index = i;
                // At the entry that names it, where the loader kept its place; else at the list.
                Location entryAt = r.propertyLocations().getOrDefault(DesiredResource.itemOf(p.name(), i), at);
                nameIn(value.get(i), k)
                    .ifPresent(n -> out.add(new NameReference(r, p.name(), index, k, n, entryAt)));
              }
            }
          }
          default -> { }
        }
      }
    }
    return out;
  }

  /** Every name of one kind in the desired state. */
  public static List<NameReference> in(DesiredState state, Kind kind) {
    return in(state).stream().filter(n -> n.kind() == kind).toList();
  }

  /** The name a value holds when it is written as {@code {<kind>: "<name>"}}. */
  static java.util.Optional<String> nameIn(JsonNode value, Kind kind) {
    return UsersAndGroups.nameIn(value, kind.yamlKey());
  }

  /**
   * Refuses a desired state whose names were never resolved: planning it would send {@code {group: ...}} or
   * {@code {user: ...}} to Graph instead of an id.
   */
  public static void requireNone(DesiredState state) {
    List<NameReference> left = in(state);
    if (!left.isEmpty()) {
      throw new IllegalStateException("names not resolved before planning: " + left.get(0).key());
    }
  }
}
