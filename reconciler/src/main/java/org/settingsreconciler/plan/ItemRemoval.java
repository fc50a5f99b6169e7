package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.resource.PruneRule;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The changes that remove one item of a collection: a reset, a delete, or a reset then a delete, as the resource's
 * {@link PruneRule} decides. Pruning and rolling back a create remove items the same way, through here.
 */
final class ItemRemoval {

  /**
   * Why a reset is planned, as plans show it.
   *
   * @param beforeDelete when Graph deletes the item only after the reset
   * @param instead when Graph never deletes such an item, so the reset is all there is
   */
  record Reasons(String beforeDelete, String instead) {}

  private ItemRemoval() {}

  /**
   * @param id the item's address
   * @param path the item's Graph path, in the version its removal is sent to
   * @param item the tenant's copy of the item (with its id where Graph makes the ids)
   */
  static List<Change> of(ResourceId id, String path, JsonNode item, Reasons reasons) {
    ResourceDescriptor d = id.descriptor();
    PruneRule.Decision decision = d.pruneRule().decide(item);
    List<Change> out = new ArrayList<>();
    ObjectNode reset = decision.resetBody();
    if (reset != null && !reset.isEmpty()) {
      List<PropertyChange> props = new ArrayList<>();
      reset.properties().forEach(
          e -> props.add(new PropertyChange(e.getKey(), item.get(e.getKey()), e.getValue(), null)));
      String reason = decision.delete() ? reasons.beforeDelete() : reasons.instead();
      out.add(new Update(id, path, reset, PatchBuilder.beforeOf(reset, item), props, reason));
    }
    if (decision.delete()) {
      out.add(new Delete(id, path, Differ.snapshot(d, item)));
    }
    return out;
  }
}
