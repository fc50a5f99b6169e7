package org.settingsreconciler.run;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.Targets;
import org.settingsreconciler.tenant.TenantIdentity;

/**
 * The start plan, check and apply share: load the desired state (its errors told, nothing sent), narrow it to the
 * targets, open the Graph session and plan. What each use case then does with the plan is its own.
 */
public final class PlannedRun {

  /** What a use case does with its plan, while the session is open. */
  @FunctionalInterface
  public interface WithPlan<T> {
    T accept(Plan plan, GraphSession session);
  }

  private PlannedRun() {}

  /**
   * @param failed what the run returns when the desired state does not load (nothing was sent)
   */
  public static <T> T run(RunContext ctx, DesiredSource desired, GraphTarget graph, Targets targets,
      boolean recreatePending, GraphSession.Purpose purpose, T failed, WithPlan<T> then) {
    DesiredState state = desired.load(ctx);
    if (state == null) {
      return failed;
    }
    DesiredState narrowed = narrow(targets, state);
    try (GraphSession session = GraphSession.open(graph, ctx, purpose)) {
      Plan whole = session.plan(narrowed, recreatePending);
      refuseAnotherTenant(desired, session);
      return then.accept(narrow(targets, state, whole, session), session);
    }
  }

  /**
   * Narrows the desired state. A target that matches nothing in it is a mistake worth stopping for before anything
   * is sent: only what the desired state names is read, so it could match nothing in the tenant either.
   */
  private static DesiredState narrow(Targets targets, DesiredState state) {
    List<String> unmatched = targets.unmatched(state);
    if (!unmatched.isEmpty()) {
      throw new UserError(String.join("\nerror: ", unmatched) + "\nNothing was sent to the tenant.");
    }
    return targets.narrow(state);
  }

  /**
   * The plan within the targets, once every target is known to match something in the desired state or the tenant
   * as read (a typo in an item's key passes the first narrowing: its collection is read), and to leave out nothing a
   * targeted change depends on.
   *
   * @param whole the plan of the narrowed desired state, which also holds what the tenant has around the targets
   * @param session for what the run sent, to say it truly
   */
  private static Plan narrow(Targets targets, DesiredState state, Plan whole, GraphSession session) {
    List<String> unmatched = new ArrayList<>(targets.unmatched(state, whole));
    unmatched.addAll(targets.leftOutDependencies(whole));
    if (!unmatched.isEmpty()) {
      String sent = session.sentSoFar();
      throw new UserError(String.join("\nerror: ", unmatched) + "\n" + Character.toUpperCase(sent.charAt(0))
          + sent.substring(1) + ".");
    }
    return targets.narrow(whole);
  }

  /**
   * A tenant directory names its tenant. A token that names none (so it was not checked before sign-in) may be
   * another tenant's: when Graph's organization says so, the run stops before anything is written, or reported as
   * this tenant's. The sandbox is a demo tenant of its own.
   */
  static void refuseAnotherTenant(DesiredSource desired, GraphSession session) {
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
