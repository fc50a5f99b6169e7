package org.settingsreconciler.export;

import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.resolve.DirectoryGroup;
import org.settingsreconciler.resolve.GroupDirectory;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.UsersAndGroups;
import org.settingsreconciler.resource.ValueKind;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;

/**
 * {@code export --group-names}: the display name to write instead of each group id the tenant's settings hold. A
 * name is used only when it leads back to that same group (no other group has it), so the exported YAML still plans
 * to no changes; otherwise the id stays, with a note saying why.
 */
public final class GroupNaming {

  private GroupNaming() {}

  /**
   * Names by lower-cased id, for the ids that can be written as names.
   *
   * @param notes receives one line for each id left as it is
   */
  public static Map<String, String> names(CurrentState state, GroupDirectory directory, List<String> notes) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, DirectoryGroup> byId = new LinkedHashMap<>();
    try {
      for (String id : groupIds(state)) {
        Optional<DirectoryGroup> group = directory.byId(id);
        if (group.isEmpty() || group.get().displayName() == null) {
          notes.add("group " + id + " left as an id: no group with this id is in the directory");
        } else {
          byId.put(id, group.get());
        }
      }
      Map<String, List<DirectoryGroup>> sameName =
          directory.byNames(byId.values().stream().map(DirectoryGroup::displayName).toList());
      byId.forEach((id, group) -> {
        List<DirectoryGroup> named = sameName.getOrDefault(group.displayName(), List.of());
        if (named.size() == 1) {
          out.put(id.toLowerCase(Locale.ROOT), group.displayName());
        } else {
          notes.add("group " + id + " left as an id: " + named.size() + " groups are named \""
              + group.displayName() + "\"");
        }
      });
    } catch (GraphException e) {
      notes.add("group ids left as ids: the directory could not be read: " + e.error().describe());
      return Map.of();
    }
    return out;
  }

  /**
   * The distinct group ids the tenant's own singleton settings (users' hold none) and its agents' access lists hold,
   * in registry order.
   */
  static List<String> groupIds(CurrentState state) {
    Set<String> ids = new LinkedHashSet<>();
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      if (d.shape() == Shape.CATALOG) {
        catalogGroupIds(d, state, ids);
        continue;
      }
      if (d.shape() != Shape.SINGLETON || d.scope() != Scope.TENANT) {
        continue;
      }
      GraphResult<JsonNode> read = state.object(org.settingsreconciler.resource.ResourceId.singleton(d).address());
      if (read == null || !read.ok()) {
        continue;
      }
      for (PropertySpec p : d.properties()) {
        JsonNode v = read.value().get(p.name());
        if (p.kind() == ValueKind.GROUP_ID && v != null && v.isString() && !v.asString().isEmpty()) {
          ids.add(v.asString());
        }
      }
    }
    return new ArrayList<>(ids);
  }

  /** The group ids of the users-and-groups lists of every catalog item read, in catalog order. */
  private static void catalogGroupIds(ResourceDescriptor d, CurrentState state, Set<String> ids) {
    GraphResult<List<JsonNode>> list = state.collection(d.type());
    if (list == null || !list.ok()) {
      return;
    }
    for (JsonNode listed : list.value()) {
      String key = d.key().keyOf(listed);
      GraphResult<JsonNode> read = key == null ? null
          : state.object(new org.settingsreconciler.resource.ResourceId(d, null, key).address());
      if (read == null || !read.ok()) {
        continue;
      }
      for (PropertySpec p : d.properties()) {
        if (p.kind() != ValueKind.USERS_AND_GROUPS) {
          continue;
        }
        for (JsonNode e : read.value().path(p.name())) {
          JsonNode id = e.path(UsersAndGroups.ID);
          if (e.path(UsersAndGroups.TYPE).asString("").equalsIgnoreCase(UsersAndGroups.GROUP) && id.isString()
              && !id.asString().isEmpty()) {
            ids.add(id.asString());
          }
        }
      }
    }
  }
}
