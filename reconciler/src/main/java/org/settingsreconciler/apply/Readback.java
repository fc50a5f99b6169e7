package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.ValueComparator;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;

/**
 * What a read of the tenant shows about one change that was sent: whether the tenant now holds what the change
 * intended (the values it set, compared the way plans compare them; a created item present; a deleted one gone).
 *
 * @param detail what still differs when not shown, else null
 * @param error why the tenant could not be read, when {@code seen} is UNKNOWN
 * @param item the tenant's copy of the object or item after the change, where there is one
 */
record Readback(Seen seen, String detail, GraphError error, JsonNode item) {

  enum Seen {
    /** The tenant holds what the change intended. */
    YES,
    /** The tenant does not (yet) hold it. */
    NO,
    /** The tenant could not be read: nothing is known. */
    UNKNOWN
  }

  /**
   * @param deletedAfter a later change of this run deletes the same item, so an update's item being gone is expected
   */
  static Readback of(Change c, CurrentState now, boolean deletedAfter) {
    ResourceId id = c.resource();
    ResourceDescriptor d = id.descriptor();
    if (d.shape() != Shape.COLLECTION) {
      GraphResult<JsonNode> read = now.object(id.address());
      if (read == null || !read.ok()) {
        return unknown(read == null ? null : read.error());
      }
      return compare(c, read.value());
    }
    GraphResult<List<JsonNode>> read = now.collection(id.scopeAddress());
    if (read == null || !read.ok()) {
      return unknown(read == null ? null : read.error());
    }
    if (c instanceof Create) {
      JsonNode item = d.key().find(read.value(), id.key());
      return item == null ? new Readback(Seen.NO, "the tenant does not have it", null, null) : compare(c, item);
    }
    JsonNode item = TouchedState.itemAt(read.value(), c);
    if (c instanceof Delete) {
      return item == null ? new Readback(Seen.YES, null, null, null)
          : new Readback(Seen.NO, "the tenant still has it", null, item);
    }
    if (item == null) {
      return deletedAfter ? new Readback(Seen.YES, null, null, null)
          : new Readback(Seen.NO, "the tenant no longer has the item at " + c.path(), null, null);
    }
    return compare(c, item);
  }

  private static Readback unknown(GraphError e) {
    return new Readback(Seen.UNKNOWN, null, e, null);
  }

  /**
   * Every property the change sets must be as it set it (the key of a created item was matched already): what a
   * create or update sent, what an action sets.
   */
  private static Readback compare(Change c, JsonNode now) {
    ResourceDescriptor d = c.resource().descriptor();
    List<String> differ = new ArrayList<>();
    for (var e : c.effect().properties()) {
      String name = e.getKey();
      if (c instanceof Create && d.key() != null && d.key().properties().contains(name)) {
        continue;
      }
      ValueComparator same = d.property(name).map(PropertySpec::comparator).orElse(ValueComparator::sameJson);
      JsonNode value = now.get(name);
      if (!same.satisfied(e.getValue(), value)) {
        differ.add(name + " is " + (value == null ? "null" : value) + ", not " + e.getValue());
      }
    }
    return differ.isEmpty() ? new Readback(Seen.YES, null, null, now)
        : new Readback(Seen.NO, "the tenant shows " + String.join("; ", differ), null, now);
  }
}
