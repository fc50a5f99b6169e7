package org.settingsreconciler.apply;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;

/**
 * Reads back, after the writes, everything that was written or may have been, and says for each whether the tenant
 * now shows it. Graph may take a moment to show a write it accepted, so what does not show yet is read again (see
 * {@link VerifyPolicy}); what still does not show after the last read is reported as such, never as a failure. A
 * read that fails says nothing about the write: it is kept as "could not verify", never as drift or a failure.
 */
final class WriteVerifier {

  private final StateReader reader;
  private final VerifyPolicy policy;

  WriteVerifier(StateReader reader, VerifyPolicy policy) {
    this.reader = reader;
    this.policy = policy;
  }

  VerifyPolicy policy() {
    return policy;
  }

  /** How many of the outcomes {@link #verify} reads back: those whose write worked or may have. */
  static int toReadBack(List<ChangeOutcome> outcomes) {
    return (int) outcomes.stream().map(ChangeOutcome::status).filter(WriteVerifier::readsBack).count();
  }

  private static boolean readsBack(ChangeOutcome.Status s) {
    return s == ChangeOutcome.Status.APPLIED || s == ChangeOutcome.Status.MAYBE_APPLIED;
  }

  /** The read-back of each outcome whose write worked or may have, by its index in {@code outcomes}. */
  Map<Integer, Readback> verify(List<ChangeOutcome> outcomes) {
    Map<Integer, Readback> results = new HashMap<>();
    Map<Integer, Change> pending = new LinkedHashMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (readsBack(outcomes.get(i).status())) {
        pending.put(i, outcomes.get(i).change());
      }
    }
    for (int read = 1; !pending.isEmpty(); read++) {
      CurrentState now = TouchedState.read(reader, pending.values());
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        Readback r = Readback.of(e.getValue(), now, deletedAfter(outcomes, e.getKey()));
        results.put(e.getKey(), r);
        if (r.seen() != Readback.Seen.NO) {
          it.remove();
        }
      }
      if (pending.isEmpty() || read == policy.reads()) {
        break;
      }
      try {
        policy.sleeper().sleep(policy.waitAfter(read));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return results;
  }

  /** Whether a later change of the run deletes the item the change at {@code index} targets, and may have. */
  private static boolean deletedAfter(List<ChangeOutcome> outcomes, int index) {
    Change c = outcomes.get(index).change();
    return outcomes.subList(index + 1, outcomes.size()).stream().anyMatch(o -> o.change() instanceof Delete
        && o.change().path().equals(c.path())
        && (o.status() == ChangeOutcome.Status.APPLIED || o.status() == ChangeOutcome.Status.MAYBE_APPLIED));
  }
}
