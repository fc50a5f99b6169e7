package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.PendingCreate;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;
import tools.jackson.databind.JsonNode;

/**
 * Makes sure, right before the POST wave, that no create makes a second copy: POST is not idempotent. A create whose
 * item a fresh read of its collection shows (read in one go, batched) is not sent: another run made it since the
 * plan. One another run sent moments ago, which Graph does not list yet, is held back ({@link CreateLedger}). A
 * collection that cannot be read again leaves its creates to the plan's read, which is seconds old: the read is a
 * guard, and its failure neither stops the apply nor counts as drift.
 */
final class CreateGuard {

  private final StateReader reader;
  private final CreateLedger ledger;
  private final boolean recreatePending;

  CreateGuard(StateReader reader, CreateLedger ledger, boolean recreatePending) {
    this.reader = reader;
    this.ledger = ledger;
    this.recreatePending = recreatePending;
  }

  /** The result of every create not to send, by its index in {@code changes}; the rest are claimed as sent. */
  Map<Integer, ChangeResult> notToSend(List<Change> changes) {
    Map<Integer, ChangeResult> out = new LinkedHashMap<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i) instanceof Create) {
        at.add(i);
      }
    }
    if (at.isEmpty()) {
      return out;
    }
    CurrentState fresh = TouchedState.read(reader, at.stream().map(changes::get).toList());
    List<Integer> toClaim = new ArrayList<>();
    for (int i : at) {
      Create c = (Create) changes.get(i);
      GraphResult<List<JsonNode>> read = fresh.collection(c.resource().scopeAddress());
      CollectionKey key = c.resource().descriptor().key();
      JsonNode item = read == null || !read.ok() ? null : key.find(read.value(), c.resource().key());
      if (item == null) {
        toClaim.add(i);
      } else {
        out.put(i, ChangeResult.skipped(c, ApplyStatus.ALREADY_PRESENT, "not created again: a fresh read right before "
            + "sending shows it (id " + key.graphIdOf(item) + "), made since the plan"));
      }
    }
    List<Create> claimed = toClaim.stream().map(i -> (Create) changes.get(i)).toList();
    Map<Integer, PendingCreate> held = ledger.claim(claimed, recreatePending);
    held.forEach((j, p) -> out.put(toClaim.get(j), ChangeResult.skipped(p.change(), ApplyStatus.HELD_BACK,
        p.problem() + "; " + p.advice())));
    return out;
  }
}
