package org.settingsreconciler.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.state.StateReader;

/**
 * Applies planned changes and finds out what happened to each: sends them ({@link Executor}), reads back what was
 * written ({@link WriteVerifier}), and with {@code --rollback-on-failure} undoes what was applied when something
 * failed ({@link Rollback}). The same for a fresh plan and a saved one.
 */
public final class ApplyRun {

  /**
   * @param verify read back what was written (off with --no-verify)
   * @param rails the rails the plan passed, which rollbacks pass too
   * @param ledger the creates of the last minutes, claimed before the POSTs and settled after the read-back
   * @param recreatePending send creates the ledger holds back anyway (--recreate-pending)
   */
  public record Settings(boolean verify, VerifyPolicy verifyPolicy, boolean rollbackOnFailure, SafetyRails rails,
      CreateLedger ledger, boolean recreatePending) {

    public Settings(boolean verify, VerifyPolicy verifyPolicy, boolean rollbackOnFailure, SafetyRails rails) {
      this(verify, verifyPolicy, rollbackOnFailure, rails, CreateLedger.off(), false);
    }
  }

  private final GraphClient client;
  private final StateReader reader;
  private final Settings settings;
  private final UnaryOperator<ChangeOutcome> explain;
  private final Function<List<Change>, List<String>> permissionRefusals;
  private ApplyProgress progress = ApplyProgress.silent();

  /**
   * @param explain adds what a refused write means (a 403 and the token's permissions)
   * @param permissionRefusals the writes the token may not make, as the preflight words them
   */
  public ApplyRun(GraphClient client, StateReader reader, Settings settings, UnaryOperator<ChangeOutcome> explain,
      Function<List<Change>, List<String>> permissionRefusals) {
    this.client = client;
    this.reader = reader;
    this.settings = settings;
    this.explain = explain;
    this.permissionRefusals = permissionRefusals;
  }

  /** Where a long run says it is still going (see {@link ApplyProgress}); silent unless given. */
  public ApplyRun reportingTo(ApplyProgress progress) {
    this.progress = progress;
    return this;
  }

  /**
   * Every change's result, in plan order. Creates whose item is there already, or that another run sent moments ago,
   * are not sent (see {@link CreateGuard}).
   */
  public List<ChangeResult> run(List<Change> changes) {
    Map<Integer, ChangeResult> notSent =
        new CreateGuard(reader, settings.ledger(), settings.recreatePending()).notToSend(changes);
    List<Change> toSend = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      if (!notSent.containsKey(i)) {
        toSend.add(changes.get(i));
      }
    }
    List<ChangeResult> sent = send(toSend);
    List<ChangeResult> results = new ArrayList<>();
    for (int i = 0, next = 0; i < changes.size(); i++) {
      results.add(notSent.containsKey(i) ? notSent.get(i) : sent.get(next++));
    }
    settings.ledger().settle(results);
    return results;
  }

  private List<ChangeResult> send(List<Change> changes) {
    Executor executor = new Executor(client);
    List<ChangeOutcome> outcomes = new ArrayList<>();
    WriteVerifier verifier = settings.verify() ? new WriteVerifier(reader, settings.verifyPolicy()) : null;
    Map<Integer, Readback> readbacks;
    progress.sending(changes.size());
    try {
      executor.run(changes, o -> outcomes.add(explain.apply(o)), progress::answered);
      if (verifier != null) {
        progress.readingBack(WriteVerifier.toReadBack(outcomes));
      }
      readbacks = verifier == null ? Map.of() : verifier.verify(outcomes);
    } finally {
      progress.done();
    }
    List<ChangeResult> results = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Verification notRead = verifier == null ? Verification.SKIPPED : Verification.NONE;
      results.add(ChangeResult.of(outcomes.get(i), readbacks.get(i), notRead, settings.verifyPolicy()));
    }
    if (settings.rollbackOnFailure() && Rollback.needed(results)) {
      results = new Rollback(executor, reader, verifier, settings.rails(), explain, permissionRefusals).undo(results);
    }
    return results;
  }
}
