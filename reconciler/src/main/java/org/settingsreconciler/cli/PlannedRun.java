package org.settingsreconciler.cli;

import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Plan;

/**
 * The start plan, check and apply share: load the desired state (its errors printed, exit 1, nothing sent), narrow
 * it to --target, open the Graph session and plan. What each command then does with the plan is its own.
 */
final class PlannedRun {

  /** What a command does with its plan, while the session is open; returns the exit code. */
  @FunctionalInterface
  interface WithPlan {
    int accept(Plan plan, GraphSession session);
  }

  private PlannedRun() {}

  static int run(CliContext ctx, DesiredStateArgs desired, GraphOptions graph, TargetOptions target,
      PendingOptions pending, GraphSession.Purpose purpose, WithPlan then) {
    DesiredState state = desired.load(ctx);
    if (state == null) {
      return ExitCode.ERROR;
    }
    DesiredState narrowed = target.narrow(state);
    try (GraphSession session = GraphSession.open(graph, ctx, purpose)) {
      return then.accept(target.narrow(state, session.plan(narrowed, pending.recreatePending), session), session);
    }
  }
}
