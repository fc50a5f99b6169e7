package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.ValueComparator;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;
import tools.jackson.databind.JsonNode;

/**
 * Before a saved plan is applied, re-reads everything it touches and lists every way the tenant no longer matches
 * what the plan was made against. Any finding, or any read that fails, means the plan must not be applied: its
 * PATCH bodies were decided for a tenant that no longer exists.
 */
public final class StalePlanCheck {

  /** What a finding says when the tenant could not be read, rather than found changed. */
  public static final String UNREADABLE = "cannot be read to verify the plan: ";

  private final StateReader reader;

  public StalePlanCheck(StateReader reader) {
    this.reader = reader;
  }

  public List<String> findings(List<Change> changes) {
    CurrentState current = TouchedState.read(reader, changes);
    List<String> findings = new ArrayList<>();
    for (Change c : changes) {
      check(c, current, findings);
    }
    return findings;
  }

  private static void check(Change c, CurrentState current, List<String> findings) {
    ResourceId id = c.resource();
    ResourceDescriptor d = id.descriptor();
    JsonNode now;
    if (d.shape() == Shape.COLLECTION) {
      GraphResult<List<JsonNode>> read = current.collection(id.scopeAddress());
      if (!read.ok()) {
        findings.add(id.scopeAddress() + ": " + UNREADABLE + read.error().describe());
        return;
      }
      JsonNode first = d.key().find(read.value(), id.key());
      if (c instanceof Create) {
        if (first != null) {
          findings.add(c.address() + ": planned as a create, but it exists now");
        }
        return;
      }
      if (first == null) {
        findings.add(c.address() + ": no longer exists");
        return;
      }
      // The item at the change's path, and keyed as its address says: with copies of one key (a duplicate that
      // pruning deletes), each change names its own copy by id, not the first that Graph lists.
      now = TouchedState.itemAt(read.value(), c);
      if (now == null || !Objects.equals(d.key().matchForm(d.key().keyOf(now)), d.key().matchForm(id.key()))) {
        findings.add(c.address() + ": was replaced by another item (now at "
            + id.objectPath(c.version(), d.key().graphIdOf(first)) + ")");
        return;
      }
    } else {
      GraphResult<JsonNode> read = current.object(id.address());
      if (!read.ok()) {
        findings.add(c.address() + ": " + UNREADABLE + read.error().describe());
        return;
      }
      now = read.value();
    }
    JsonNode before = c.before();
    if (before == null) {
      return;
    }
    for (var e : before.properties()) {
      JsonNode value = now.get(e.getKey());
      ValueComparator same =
          d.property(e.getKey()).map(PropertySpec::comparator).orElse(ValueComparator::sameJson);
      if (!same.satisfied(e.getValue(), value) && !ValueComparator.sameJson(e.getValue(), value)) {
        findings.add(
            c.address() + "." + e.getKey() + ": was " + e.getValue() + " when planned, is " + orNull(value) + " now");
      }
    }
  }

  private static String orNull(JsonNode n) {
    return n == null ? "null" : n.toString();
  }
}
