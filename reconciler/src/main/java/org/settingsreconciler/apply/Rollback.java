package org.settingsreconciler.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.ChangeOrder;
import org.settingsreconciler.plan.Invoke;
import org.settingsreconciler.plan.Update;
import org.settingsreconciler.state.StateReader;

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
  private final UnaryOperator<ChangeOutcome> explain;
  private final Function<List<Change>, List<String>> permissionRefusals;

  Rollback(Executor executor, StateReader reader, WriteVerifier verifier, SafetyRails rails,
      UnaryOperator<ChangeOutcome> explain, Function<List<Change>, List<String>> permissionRefusals) {
    this.executor = executor;
    this.reader = reader;
    this.verifier = verifier;
    this.rails = rails;
    this.explain = explain;
    this.permissionRefusals = permissionRefusals;
  }

  /** Whether the run has a change that did not end applied: what triggers a rollback. */
  static boolean needed(List<ChangeResult> results) {
    return results.stream().anyMatch(r -> r.status() == ApplyStatus.FAILED
        || r.status() == ApplyStatus.MAYBE_APPLIED || r.status() == ApplyStatus.NOT_ATTEMPTED);
  }

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
            "not rolled back: it is not known to have been applied, so there is nothing known to undo")));
      }
    }
    if (chains.isEmpty()) {
      return out;
    }
    RollbackPlanner planner = new RollbackPlanner(TouchedState.read(reader, touched), rails, permissionRefusals);
    List<RollbackPlanner.Unit> planned = new ArrayList<>();
    chains.values().forEach(chain -> planned.addAll(planner.unitsOf(chain, results)));
    List<RollbackPlanner.Unit> units = dependentsFirst(planned, results);
    // The latest change is undone first, as a stack unwinds.
    units.sort((a, b) -> Integer.compare(b.undoes().get(0), a.undoes().get(0)));
    List<Change> sent = new ArrayList<>();
    for (RollbackPlanner.Unit u : units) {
      if (u.refused() == null) {
        sent.addAll(u.changes());
      }
    }
    List<ChangeOutcome> outcomes = new ArrayList<>();
    executor.run(sent, o -> outcomes.add(explain.apply(o)));
    Map<Integer, Readback> readbacks = verifier == null ? Map.of() : verifier.verify(outcomes);
    int next = 0;
    for (RollbackPlanner.Unit u : units) {
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

  /**
   * The units, each undoing an applied change only after what depends on it is undone: a profile source's create is
   * undone (deleted) after the precedence list that names it is patched back, so no list names a deleted source.
   * Where a change that depends on it stays in effect (its undo is refused, or it is not known to have been applied),
   * it is not undone either.
   */
  private static List<RollbackPlanner.Unit> dependentsFirst(List<RollbackPlanner.Unit> units,
      List<ChangeResult> results) {
    Map<String, RollbackPlanner.Unit> undoing = new HashMap<>();
    for (RollbackPlanner.Unit u : units) {
      undoing.put(Executor.chainKey(results.get(u.undoes().get(0)).change()), u);
    }
    List<RollbackPlanner.Unit> out = new ArrayList<>();
    for (RollbackPlanner.Unit u : units) {
      Change undone = results.get(u.undoes().get(0)).change();
      List<String> first = new ArrayList<>();
      String kept = null;
      for (ChangeResult r : results) {
        boolean dependsOnIt = r.change().dependsOn().stream()
            .anyMatch(a -> ChangeOrder.objectKey(a).equals(Executor.chainKey(undone)));
        if (!dependsOnIt || r.status() == ApplyStatus.FAILED || r.status() == ApplyStatus.NOT_ATTEMPTED) {
          continue;
        }
        RollbackPlanner.Unit theirs = undoing.get(Executor.chainKey(r.change()));
        if (theirs == null || theirs.refused() != null) {
          kept = r.change().address();
        } else if (!first.contains(r.change().address())) {
          first.add(r.change().address());
        }
      }
      if (u.refused() != null || (kept == null && first.isEmpty())) {
        out.add(u);
      } else if (kept != null) {
        out.add(new RollbackPlanner.Unit(u.undoes(), u.changes(), "not rolled back: " + kept + " depends on it and "
            + "stays as it is"));
      } else {
        out.add(new RollbackPlanner.Unit(u.undoes(), u.changes().stream().map(c -> c.withDependsOn(first)).toList(),
            null));
      }
    }
    return out;
  }

  /**
   * Applied, or (an update or an action only) maybe applied: patching an update back, or sending the action that
   * sets the property back (unblock after a block), is harmless if it never happened.
   */
  private static boolean undoable(ChangeResult r) {
    return r.status() == ApplyStatus.APPLIED || r.status() == ApplyStatus.APPLIED_NOT_VISIBLE
        || (r.status() == ApplyStatus.MAYBE_APPLIED && (r.change() instanceof Update || r.change() instanceof Invoke));
  }

  private static RollbackStep stepOf(
      RollbackPlanner.Unit u, List<ChangeOutcome> outcomes, Map<Integer, Readback> readbacks, int offset) {
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

}
