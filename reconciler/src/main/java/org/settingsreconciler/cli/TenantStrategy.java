package org.settingsreconciler.cli;

import java.util.List;
import java.util.function.Consumer;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PlanObserver;
import org.settingsreconciler.plan.Targets;
import org.settingsreconciler.tenant.TenantConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs the parsed command for one tenant of a fleet: its desired state is the tenant's layers instead of the paths
 * on the command line, and the plan it makes is handed to the fleet for the summary. Everything else (options,
 * rails, output) is the command's own, so a tenant in a fleet behaves exactly like a single run.
 */
final class TenantStrategy implements CommandLine.IExecutionStrategy {

  private final TenantConfig tenant;
  private final Consumer<Plan> plans;

  TenantStrategy(TenantConfig tenant, Consumer<Plan> plans) {
    this.tenant = tenant;
    this.plans = plans;
  }

  @Override
  public int execute(ParseResult parseResult) {
    CommandSpec spec = FleetStrategy.leaf(parseResult).commandSpec();
    DesiredStateArgs desired = (DesiredStateArgs) spec.mixins().get("desired").userObject();
    desired.paths = List.of(tenant.dir());
    desired.tenant = tenant;
    CommandSpec target = spec.mixins().get("target");
    Targets targets = target == null ? Targets.ALL : ((TargetOptions) target.userObject()).targets();
    try {
      return PlanObserver.during(
          plan -> plans.accept(targets.narrow(plan)), () -> new CommandLine.RunLast().execute(parseResult));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
