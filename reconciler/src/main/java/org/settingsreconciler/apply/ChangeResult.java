package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import tools.jackson.databind.JsonNode;

/**
 * What finally happened to one planned change in an apply: sent or not, what Graph answered, what reading the
 * tenant back showed, and what rolling it back did.
 *
 * @param detail what happened beyond the status, in words (why it was not attempted, what still differs), or null
 * @param error Graph's error for the write (refused, or its answer lost), or null
 * @param verifyError why the tenant could not be read back, when {@code verification} is COULD_NOT_VERIFY
 * @param answer Graph's answer to a write that worked (a create's holds the new item), or null; not reported
 * @param rollback what --rollback-on-failure did about this change, or null when it did nothing
 */
public record ChangeResult(
    Change change,
    ApplyStatus status,
    String detail,
    GraphError error,
    Verification verification,
    GraphError verifyError,
    JsonNode answer,
    RollbackStep rollback) {

  /** A change that was never sent. */
  public static ChangeResult notAttempted(Change change, String why) {
    return new ChangeResult(change, ApplyStatus.NOT_ATTEMPTED, why, null, Verification.NONE, null, null, null);
  }

  /** A create not sent because the item is there, or was sent moments ago by another run: nothing to do. */
  static ChangeResult skipped(Change change, ApplyStatus status, String why) {
    return new ChangeResult(change, status, why, null, Verification.NONE, null, null, null);
  }

  /** How the write ended, and what the read-back found ({@code readback} null when not read back). */
  static ChangeResult of(ChangeOutcome o, Readback readback, Verification notRead, VerifyPolicy policy) {
    Change c = o.change();
    switch (o.status()) {
      case NOT_ATTEMPTED:
        return notAttempted(c, o.reason());
      case FAILED:
        return new ChangeResult(c, ApplyStatus.FAILED, null, o.error(), Verification.NONE, null, null, null);
      default:
        break;
    }
    boolean ambiguous = o.status() == ChangeOutcome.Status.MAYBE_APPLIED;
    if (readback == null) {
      return ambiguous
          ? new ChangeResult(c, ApplyStatus.MAYBE_APPLIED, "not read back (--no-verify), so it is not known whether it "
              + "was applied", o.error(), notRead, null, null, null)
          : new ChangeResult(c, ApplyStatus.APPLIED, null, null, notRead, null, o.answer(), null);
    }
    switch (readback.seen()) {
      case YES:
        return new ChangeResult(c, ApplyStatus.APPLIED,
            ambiguous ? "Graph's answer was lost, but reading the tenant back shows the change: it was applied" : null,
            o.error(), Verification.VERIFIED, null, o.answer(), null);
      case NO:
        return ambiguous
            ? new ChangeResult(c, ApplyStatus.MAYBE_APPLIED, "Graph's answer was lost, and after " + policy.describe()
                + " " + readback.detail() + ": it was most likely not applied", o.error(), Verification.NOT_VISIBLE,
                null, null, null)
            : new ChangeResult(c, ApplyStatus.APPLIED_NOT_VISIBLE, "Graph accepted it, but after " + policy.describe()
                + " " + readback.detail() + ". Graph can take a while to show a change", null,
                Verification.NOT_VISIBLE, null, o.answer(), null);
      default:
        String why = "could not verify: " + (readback.error() == null ? "no answer" : readback.error().describe());
        return new ChangeResult(c, ambiguous ? ApplyStatus.MAYBE_APPLIED : ApplyStatus.APPLIED, why, o.error(),
            Verification.COULD_NOT_VERIFY, readback.error(), o.answer(), null);
    }
  }

  ChangeResult rolledBack(RollbackStep step) {
    ApplyStatus s = step.undone() ? ApplyStatus.ROLLED_BACK : ApplyStatus.ROLLBACK_FAILED;
    return new ChangeResult(change, s, detail, error, verification, verifyError, answer, step);
  }

  /** A note about the rollback that leaves the status as it is (nothing known to undo). */
  ChangeResult withRollbackNote(RollbackStep step) {
    return new ChangeResult(change, status, detail, error, verification, verifyError, answer, step);
  }
}
