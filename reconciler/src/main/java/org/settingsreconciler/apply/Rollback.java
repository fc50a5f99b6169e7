package org.settingsreconciler.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Destructive;
import org.settingsreconciler.plan.Reversal;
import org.settingsreconciler.plan.Update;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.state.CollectionRead;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.ObjectRead;
import org.settingsreconciler.state.StateReader;
import tools.jackson.databind.JsonNode;

/**
 * {@code apply --rollback-on-failure}: when a change failed, puts back the "before" values of what the run applied.
 * An update is patched back, a created item removed, a deleted one created again. The reversals are ordinary changes:
 * sent, read back and reported like the others, and checked by the same rails first. What could not be undone is
 * reported, and nothing hides the original failure.
 */
final class Rollback {

  private final Executor executor;
  private final StateReader reader;
  /** Null with --no-verify. */
  private final WriteVerifier verifier;
  private final SafetyRails rails;
  private final Function<List<Change>, List<String>> permissionRefusals;

  Rollback(Executor executor, StateReader reader, WriteVerifier verifier, SafetyRails rails,
      Function<List<Change>, List<String>> permissionRefusals) {
    this.executor = executor;
    this.reader = reader;
    this.verifier = verifier;
    this.rails = rails;
    this.permissionRefusals = permissionRefusals;
  }

  /** Whether the run has a change that did not end applied: what triggers a rollback. */
  static boolean needed(List<ChangeResult> results) {
    return results.stream().anyMatch(r -> r.status() == ApplyStatus.FAILED
        || r.status() == ApplyStatus.MAYBE_APPLIED || r.status() == ApplyStatus.NOT_ATTEMPTED);
  }

  /** One reversal: the results it undoes together, and the changes that undo them (or why there are none). */
  private record Unit(List<Integer> undoes, List<Change> changes, String refused) {}

  List<ChangeResult> undo(List<ChangeResult> results) {
    List<ChangeResult> out = new ArrayList<>(results);
    Map<String, List<Integer>> chains = new LinkedHashMap<>();
    List<Change> touched = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      ChangeResult r = results.get(i);
      if (undoable(r)) {
        chains.computeIfAbsent(Executor.chainKey(r.change()), k -> new ArrayList<>()).add(i);
        touched.add(r.change());
      } else if (r.status() == ApplyStatus.MAYBE_APPLIED) {
        out.set(i, r.withRollbackNote(RollbackStep.notPossible(
            "not rolled back: the tenant does not show it, so there is nothing known to undo")));
      }
    }
    if (chains.isEmpty()) {
      return out;
    }
    CurrentState now = TouchedState.read(reader, touched);
    List<Unit> units = new ArrayList<>();
    chains.values().forEach(chain -> units.addAll(unitsOf(chain, results, now)));
    // The latest change is undone first, as a stack unwinds.
    units.sort((a, b) -> Integer.compare(b.undoes().get(0), a.undoes().get(0)));
    List<Change> sent = new ArrayList<>();
    for (Unit u : units) {
      if (u.refused() == null) {
        sent.addAll(u.changes());
      }
    }
    List<ChangeOutcome> outcomes = executor.run(sent, o -> {});
    Map<Integer, Readback> readbacks = verifier == null ? Map.of() : verifier.verify(outcomes);
    int next = 0;
    for (Unit u : units) {
      RollbackStep step;
      if (u.refused() != null) {
        step = new RollbackStep(u.changes(), false, u.refused(), null);
      } else {
        step = stepOf(u, outcomes.subList(next, next + u.changes().size()), readbacks, next);
        next += u.changes().size();
      }
      for (int i : u.undoes()) {
        out.set(i, out.get(i).rolledBack(step));
      }
    }
    return out;
  }

  /** Applied, or (an update only) maybe applied: patching an update back is harmless if it never happened. */
  private static boolean undoable(ChangeResult r) {
    return r.status() == ApplyStatus.APPLIED || r.status() == ApplyStatus.APPLIED_NOT_VISIBLE
        || (r.status() == ApplyStatus.MAYBE_APPLIED && r.change() instanceof Update);
  }

  /**
   * The reversals of one address's applied changes. A delete is undone by creating the item again from the values
   * it had when planned, which also undoes the reset that went before it; other changes are undone one by one.
   */
  private List<Unit> unitsOf(List<Integer> chain, List<ChangeResult> results, CurrentState now) {
    int last = chain.get(chain.size() - 1);
    Change lastChange = results.get(last).change();
    if (lastChange instanceof Delete d) {
      return List.of(checked(new Unit(chain, List.of(Reversal.ofDelete(d)), null)));
    }
    List<Unit> out = new ArrayList<>();
    for (int i : chain) {
      out.add(checked(unitOf(i, results.get(i), now)));
    }
    return out;
  }

  private Unit unitOf(int index, ChangeResult r, CurrentState now) {
    Change c = r.change();
    if (c instanceof Update u) {
      return new Unit(List.of(index), List.of(Reversal.ofUpdate(u, tenantCopy(u, now))), null);
    }
    Create create = (Create) c;
    JsonNode created = created(create, r.answer(), now);
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
   * A reversal that moves a property to a destructive value (enhanced personalization back off) still needs
   * --allow-destructive, as it would in any plan.
   */
  private Unit checked(Unit u) {
    if (u.refused() != null) {
      return u;
    }
    for (Change c : u.changes()) {
      if (c instanceof Delete) {
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

  private static RollbackStep stepOf(
      Unit u, List<ChangeOutcome> outcomes, Map<Integer, Readback> readbacks, int offset) {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      ChangeOutcome o = outcomes.get(i);
      String request = o.change().method() + " " + o.change().path();
      if (o.status() != ChangeOutcome.Status.APPLIED) {
        GraphError e = o.error();
        String why = o.status() == ChangeOutcome.Status.NOT_ATTEMPTED ? o.reason() : e.describe();
        return new RollbackStep(u.changes(), false, "undoing it failed (" + request + "): " + why
            + "; it stays applied", e);
      }
      Readback r = readbacks.get(offset + i);
      shown.add(request + (r != null && r.seen() == Readback.Seen.NO ? " (not yet visible)" : ""));
    }
    return new RollbackStep(u.changes(), true, "undone by " + String.join(", then ", shown), null);
  }

  /** The tenant's copy of what an update changed, or null when it cannot be found. */
  private static JsonNode tenantCopy(Update u, CurrentState now) {
    ResourceId id = u.resource();
    if (id.descriptor().shape() != Shape.COLLECTION) {
      ObjectRead read = now.object(id.address());
      return read != null && read.ok() ? read.object() : null;
    }
    CollectionRead read = now.collection(id.scopeAddress());
    return read != null && read.ok() ? TouchedState.itemAt(read.items(), id, u.path()) : null;
  }

  /** The item a create made: as the tenant shows it, else Graph's answer to the POST if it carries the id. */
  private static JsonNode created(Create c, JsonNode answer, CurrentState now) {
    ResourceId id = c.resource();
    ResourceDescriptor d = id.descriptor();
    CollectionRead read = now.collection(id.scopeAddress());
    JsonNode item = read != null && read.ok() ? d.key().find(read.items(), id.key()) : null;
    if (item != null) {
      return item;
    }
    if (d.key().idIsKey()) {
      return c.body(); // the key is the id, and the body holds it
    }
    boolean carriesId = answer != null && answer.isObject() && answer.hasNonNull("id") && answer.get("id").isString();
    return carriesId ? answer : null;
  }
}
