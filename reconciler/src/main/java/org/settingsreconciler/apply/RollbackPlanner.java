package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Invoke;
import org.settingsreconciler.plan.Destructive;
import org.settingsreconciler.plan.Reversal;
import org.settingsreconciler.plan.Update;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;

/**
 * Decides how to undo what an apply did ({@link Rollback}): the reversal of each applied change (see {@link
 * Reversal}), worked out against the tenant as it is now, and checked by the same rails as any plan.
 */
final class RollbackPlanner {

  /**
   * One reversal: the results it undoes together, the changes that undo them, and why they may not be sent (null
   * when they may).
   */
  record Unit(List<Integer> undoes, List<Change> changes, String refused) {}

  private final CurrentState now;
  private final SafetyRails rails;
  private final Function<List<Change>, List<String>> permissionRefusals;

  RollbackPlanner(CurrentState now, SafetyRails rails, Function<List<Change>, List<String>> permissionRefusals) {
    this.now = now;
    this.rails = rails;
    this.permissionRefusals = permissionRefusals;
  }

  /**
   * The reversals of one address's applied changes. A delete is undone by creating the item again from the values
   * it had when planned, which also undoes the reset that went before it; other changes are undone one by one.
   */
  List<Unit> unitsOf(List<Integer> chain, List<ChangeResult> results) {
    int last = chain.get(chain.size() - 1);
    Change lastChange = results.get(last).change();
    if (lastChange instanceof Delete d) {
      return List.of(checked(new Unit(chain, List.of(Reversal.ofDelete(d)), null)));
    }
    List<Unit> out = new ArrayList<>();
    for (int i : chain) {
      out.add(checked(unitOf(i, results.get(i))));
    }
    return out;
  }

  private Unit unitOf(int index, ChangeResult r) {
    Change c = r.change();
    if (c instanceof Update u) {
      return new Unit(List.of(index), List.of(Reversal.ofUpdate(u, tenantCopy(u))), null);
    }
    if (c instanceof Delete d) {
      return new Unit(List.of(index), List.of(Reversal.ofDelete(d)), null);
    }
    if (c instanceof Invoke i) {
      return Reversal.ofInvoke(i).map(undo -> new Unit(List.of(index), List.<Change>of(undo), null))
          .orElseGet(() -> new Unit(List.of(index), List.of(), "cannot be rolled back: no action of "
              + i.resource().descriptor().title() + " sets " + i.spec().property() + " back to "
              + i.before().get(i.spec().property())));
    }
    Create create = (Create) c;
    JsonNode created = created(create, r.answer());
    if (created == null) {
      return new Unit(List.of(index), List.of(), "cannot be rolled back: the new item's id is not known (the tenant "
          + "does not show it yet, and Graph's answer did not carry it)");
    }
    List<Change> undo = Reversal.ofCreate(create, created);
    if (undo.isEmpty()) {
      return new Unit(List.of(index), List.of(), "cannot be rolled back: Graph never deletes this item");
    }
    return new Unit(List.of(index), undo, null);
  }

  /**
   * The rails every apply passes, for the reversals too. A DELETE that removes this run's own create needs no
   * --allow-destructive and does not count against --max-deletes: it destroys nothing the tenant had before the run.
   * Nor does an action that takes back what this run's action gave (a block after this run's unblock): nobody had
   * the agent before the run. A reversal that moves a property to a destructive value by PATCH (enhanced
   * personalization back off, which deletes data) still needs --allow-destructive, as it would in any plan.
   */
  private Unit checked(Unit u) {
    if (u.refused() != null) {
      return u;
    }
    for (Change c : u.changes()) {
      if (c instanceof Delete || c instanceof Invoke) {
        continue;
      }
      Optional<String> destructive = Destructive.reason(c);
      if (destructive.isPresent() && !rails.allowDestructive()) {
        return new Unit(u.undoes(), u.changes(), "not rolled back: undoing it is destructive (" + destructive.get()
            + "); it stays applied. Allow that with --allow-destructive");
      }
    }
    List<String> refusals = permissionRefusals.apply(u.changes());
    if (!refusals.isEmpty()) {
      return new Unit(u.undoes(), u.changes(), "not rolled back: " + String.join("; ", refusals));
    }
    return u;
  }

  /** The tenant's copy of what an update changed, or null when it cannot be found. */
  private JsonNode tenantCopy(Update u) {
    ResourceId id = u.resource();
    if (id.descriptor().shape() != Shape.COLLECTION) {
      GraphResult<JsonNode> read = now.object(id.address());
      return read != null && read.ok() ? read.value() : null;
    }
    GraphResult<List<JsonNode>> read = now.collection(id.scopeAddress());
    return read != null && read.ok() ? TouchedState.itemAt(read.value(), u) : null;
  }

  /** The item a create made: as the tenant shows it, else Graph's answer to the POST if it carries the id. */
  private JsonNode created(Create c, JsonNode answer) {
    ResourceId id = c.resource();
    ResourceDescriptor d = id.descriptor();
    GraphResult<List<JsonNode>> read = now.collection(id.scopeAddress());
    JsonNode item = read != null && read.ok() ? d.key().find(read.value(), id.key()) : null;
    if (item != null) {
      return item;
    }
    if (d.key().idIsKey()) {
      return c.body(); // the key is the id, and the body holds it
    }
    boolean carriesId = answer != null && answer.isObject() && answer.hasNonNull("id") && answer.get("id").isString()
        && ResourceId.isOneSegment(answer.get("id").asString());
    return carriesId ? answer : null;
  }
}
