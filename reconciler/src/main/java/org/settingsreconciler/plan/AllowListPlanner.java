package org.settingsreconciler.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.resource.AllowList;
import org.settingsreconciler.resource.BoundAction;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;

/**
 * A catalog's allow-list ({@code copilot.agentsNotListed: block}, see {@link AllowList}): every item of the catalog
 * the YAML does not name, and that does not hold the value already, gets the allow-list's action, as the catalog's
 * list shows it. The items the YAML names are planned by their own reads (see {@link Differ}); nothing is ever
 * deleted.
 */
final class AllowListPlanner {

  private AllowListPlanner() {}

  /**
   * @param scope the catalog, whose location is the switch's
   * @param named the catalog's items the YAML names
   * @param items the catalog as its list shows it
   */
  static void plan(CollectionScope scope, List<DesiredResource> named, List<JsonNode> items, VersionChoice versions,
      Differ.Part out) {
    ResourceDescriptor d = scope.descriptor();
    CollectionKey key = d.key();
    BoundAction action = d.action(d.allowList().action()).orElseThrow();
    PropertySpec property = d.property(action.property()).orElseThrow();
    Set<String> listed = new HashSet<>();
    named.forEach(r -> listed.add(key.matchForm(r.id().key())));
    String reason = "not listed in the YAML, and " + d.yamlSection() + "." + d.allowList().yamlKey() + " is "
        + action.name();
    for (JsonNode item : items) {
      String id = key.keyOf(item);
      if (id == null || listed.contains(key.matchForm(id))) {
        continue; // the YAML names it (planned by its own read), or it has no id to name it by
      }
      ResourceId rid = new ResourceId(d, null, id);
      JsonNode before = PatchBuilder.orNull(item.get(property.name()));
      if (property.comparator().satisfied(action.value(), before)) {
        out.inSync.add(rid.address());
        continue;
      }
      PropertyChange move = new PropertyChange(property.name(), before, action.value(), scope.location());
      out.changes.add(ActionPlanner.invoke(rid, action, move, rid.objectPath(versions, id), reason));
      out.describe(rid, item);
    }
  }
}
