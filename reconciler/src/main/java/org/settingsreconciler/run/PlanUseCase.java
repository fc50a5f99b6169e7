package org.settingsreconciler.run;

import java.util.List;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.SavedPlan;
import org.settingsreconciler.plan.Targets;
import org.settingsreconciler.tenant.TenantIdentity;

/**
 * {@code plan}: reads the tenant and shows what apply would change, never writing to it; when asked, seals the plan
 * for {@code apply --plan}. The exit code is decided here; the plan is shown through the {@link View}.
 */
public final class PlanUseCase {

  public record Request(RunContext ctx, DesiredSource desired, GraphTarget graph, Targets targets, Options options) {}

  /**
   * How plan goes.
   *
   * @param recreatePending plan again what an earlier apply created moments ago (see apply.CreateLedger)
   * @param detailedExitCode exit 2 when there are changes
   * @param save make a saved plan for {@code apply --plan} too
   * @param tool the tool and its version, which a saved plan records
   */
  public record Options(boolean recreatePending, boolean detailedExitCode, boolean save, String tool) {}

  /** How the plan is shown: the command line prints it on stdout in the format asked for. */
  @FunctionalInterface
  public interface View {

    /** The plan made, and the session it was made in (which tenant, where). */
    void plan(Plan plan, GraphSession session);
  }

  /**
   * How the run went.
   *
   * @param plan the plan made, or null when the run stopped before it (an invalid desired state)
   * @param identity which tenant the plan was made for; null without a plan
   * @param savedPlan the saved plan's file, to be written where the user said, when one was asked for and the plan
   *     may be saved; else null
   */
  public record Result(int exit, Plan plan, TenantIdentity identity, String savedPlan) implements RunOutcome {

    @Override
    public PlanCounts counts() {
      return plan == null ? null : PlanCounts.of(plan);
    }
  }

  private final Request request;
  private final RunContext ctx;

  private PlanUseCase(Request request) {
    this.request = request;
    this.ctx = request.ctx();
  }

  public static Result run(Request request, View view) {
    PlanUseCase plan = new PlanUseCase(request);
    return PlannedRun.run(request.ctx(), request.desired(), request.graph(), request.targets(),
        request.options().recreatePending(), GraphSession.Purpose.READ,
        new Result(ExitCode.ERROR, null, null, null), (made, session) -> plan.planned(made, session, view));
  }

  private Result planned(Plan plan, GraphSession session, View view) {
    view.plan(plan, session);
    session.adviseOn(plan.failures());
    Options options = request.options();
    TenantIdentity identity = session.identity();
    if (plan.hasFailures()) {
      if (options.save()) {
        ctx.view().say("The plan was not saved: settings that could not be read make it incomplete.");
      }
      return new Result(ExitCode.ERROR, plan, identity, null);
    }
    String saved = null;
    if (options.save()) {
      saved = saved(plan, identity);
      if (saved == null) {
        return new Result(ExitCode.ERROR, plan, identity, null);
      }
    }
    int exit = options.detailedExitCode() && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    return new Result(exit, plan, identity, saved);
  }

  /**
   * The plan sealed for {@code apply --plan}, bound to the tenant it was made for, with the real values apply will
   * send and the secret values among them named, so that {@code apply --plan} masks them as this run does. Null, and
   * said, when it holds a credential.
   */
  private String saved(Plan plan, TenantIdentity tenant) {
    List<String> secretValues = ctx.secrets().valuesIn(SavedPlan.changesText(plan.changes()));
    String text = new SavedPlan(tenant, request.options().tool(), ctx.clock().instant(), plan.changes(), secretValues)
        .text();
    if (!ctx.secrets().maskCredentials(text).equals(text)) {
      // A credential is never written to a file, and a plan with it masked is not the plan: its seal and its
      // before values would no longer match, so apply --plan could only refuse it.
      ctx.view().say("The plan was not saved: it holds a credential this run signs in with (a value the tenant "
          + "holds, or one the plan would send), which is never written to a file.");
      return null;
    }
    return text;
  }
}
