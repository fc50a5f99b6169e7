package org.settingsreconciler.cli;

import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.tenant.TenantIdentity;

/**
 * The start plan, check and apply share: load the desired state (its errors printed, exit 1, nothing sent), narrow
 * it to --target, open the Graph session and plan. What each command then does with the plan is its own.
 */
final class PlannedRun {

  /** What a command does with its plan, while the session is open. */
  @FunctionalInterface
  interface WithPlan {
    FleetCommand.Outcome accept(Plan plan, GraphSession session);
  }

  private PlannedRun() {}

  static FleetCommand.Outcome run(RunScope scope, TargetOptions target, PendingOptions pending,
      GraphSession.Purpose purpose, WithPlan then) {
    CliContext ctx = scope.ctx();
    DesiredState state = scope.desired().load(ctx);
    if (state == null) {
      return FleetCommand.Outcome.of(ExitCode.ERROR);
    }
    DesiredState narrowed = target.narrow(state);
    try (GraphSession session = GraphSession.open(scope.graph(), ctx, purpose)) {
      Plan whole = session.plan(narrowed, pending.recreatePending);
      refuseAnotherTenant(scope.desired(), session);
      return then.accept(target.narrow(state, whole, session), session);
    }
  }

  /**
   * A tenant directory names its tenant. A token that names none (so it was not checked before sign-in) may be
   * another tenant's: when Graph's organization says so, the run stops before anything is written, or reported as
   * this tenant's. The sandbox is a demo tenant of its own.
   */
  private static void refuseAnotherTenant(DesiredSource desired, GraphSession session) {
    if (desired.tenant() == null) {
      return;
    }
    TenantIdentity signedIn = session.identity();
    if (signedIn.sandbox() || signedIn.tenantId() == null
        || signedIn.tenantId().equalsIgnoreCase(desired.tenant().tenantId())) {
      return;
    }
    throw new UserError("tenant.yaml of " + desired.tenant().name() + " names tenant " + desired.tenant().tenantId()
        + ", but this run signed in to " + signedIn.tenant() + "; " + session.sentSoFar()
        + ". Give this tenant its own credentials");
  }
}
