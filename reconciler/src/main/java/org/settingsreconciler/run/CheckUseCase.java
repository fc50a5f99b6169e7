package org.settingsreconciler.run;

import org.settingsreconciler.text.Plural;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.Targets;
import org.settingsreconciler.tenant.TenantIdentity;
import org.settingsreconciler.update.FileUpdate;
import org.settingsreconciler.update.UpdateResult;

/**
 * {@code check}: detects drift for schedules, never writing to the tenant: in sync, drift, or an error (settings that
 * could not be read). With {@code updateFiles} it accepts the drift into the desired state's files
 * ({@link DriftWriteBack}). The exit code is decided here; the check and its reports are shown through the
 * {@link View}, what the write-back did is told to the run's view.
 */
public final class CheckUseCase {

  public record Request(RunContext ctx, DesiredSource desired, GraphTarget graph, Targets targets, Options options) {}

  /**
   * How check goes.
   *
   * @param recreatePending plan again what an earlier apply created moments ago (see apply.CreateLedger)
   * @param updateFiles rewrite the drifted values in the desired state's files to the tenant's
   */
  public record Options(boolean recreatePending, boolean updateFiles) {}

  /** How the check is shown: the command line prints it on stdout and writes the reports it was asked for. */
  public interface View {

    /** The check made, and the session it was made in (which tenant, where). */
    void check(Plan plan, GraphSession session);

    /** The same check as the reports it is also written to, after the advice on access. */
    void reports(Plan plan, GraphSession session);
  }

  /**
   * How the run went.
   *
   * @param plan the plan the check made, or null when the run stopped before it (an invalid desired state)
   * @param identity which tenant was checked; null without a plan
   */
  public record Result(int exit, Plan plan, TenantIdentity identity) implements RunOutcome {

    @Override
    public PlanCounts counts() {
      return plan == null ? null : PlanCounts.of(plan);
    }
  }

  private final Request request;
  private final RunView notes;

  private CheckUseCase(Request request) {
    this.request = request;
    this.notes = request.ctx().view();
  }

  public static Result run(Request request, View view) {
    CheckUseCase check = new CheckUseCase(request);
    return PlannedRun.run(request.ctx(), request.desired(), request.graph(), request.targets(),
        request.options().recreatePending(), GraphSession.Purpose.READ, new Result(ExitCode.ERROR, null, null),
        (plan, session) -> check.judge(plan, session, view));
  }

  private Result judge(Plan plan, GraphSession session, View view) {
    view.check(plan, session);
    session.adviseOn(plan.failures());
    view.reports(plan, session);
    // A duplicate of an item the YAML names is drift even with no change to plan (prune off): see plan.Duplicate.
    int exit = plan.hasFailures() ? ExitCode.ERROR : plan.drifted() ? ExitCode.CHANGES : ExitCode.OK;
    if (request.options().updateFiles() && plan.hasChanges() && !acceptDrift(plan, exit)) {
      exit = ExitCode.ERROR;
    }
    return new Result(exit, plan, session.identity());
  }

  /**
   * Rewrites the YAML to match the tenant for the drifted settings, says what it did beside the result (which may be
   * JSON), and checks the files still load. False when they do not.
   */
  private boolean acceptDrift(Plan plan, int exit) {
    DriftWriteBack.Result written = DriftWriteBack.run(request.ctx(), request.desired(), plan);
    UpdateResult result = written.update();
    notes.say("");
    if (result.updated().isEmpty()) {
      notes.say("--update-files: no file was changed.");
    } else {
      notes.say("--update-files: updated " + Plural.count(result.updated().size(), "file") + " to match the tenant:");
      for (FileUpdate f : result.updated()) {
        notes.say("  " + f.file());
        f.settings().forEach(s -> notes.say("    " + s));
      }
    }
    if (!result.notUpdated().isEmpty()) {
      notes.say("Not updated (resolve by hand):");
      result.notUpdated().forEach(s -> notes.say("  " + s));
    }
    if (!result.updated().isEmpty()) {
      String review = "Review and commit " + Plural.pick(result.updated().size(), "it", "them") + ". ";
      notes.say(review + (exit == ExitCode.CHANGES
          ? "The exit code is still 2, because drift was found; the next check passes."
          : "The exit code is 1: some settings could not be read (see above)."));
    }
    if (written.invalidAfter() != null) {
      // The check has read the tenant by now: say only what is true of these files.
      DesiredSource.tellEach(notes, written.invalidAfter());
      notes.say("The updated files are invalid (" + DesiredSource.count(written.invalidAfter()) + "); do not commit "
          + "them as they are.");
      return false;
    }
    return true;
  }
}
