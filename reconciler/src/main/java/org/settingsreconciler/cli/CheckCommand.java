package org.settingsreconciler.cli;

import java.util.concurrent.Callable;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    description = "Detect drift, for schedules: exit 0 in sync, 2 drift, 1 error. Never writes to the tenant.")
final class CheckCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  @Mixin GraphOptions graph;

  @Mixin TargetOptions target;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  OutputFormat format;

  CheckCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    DesiredState state = desired.load(ctx);
    if (state == null) {
      return ExitCode.ERROR;
    }
    state = target.narrow(state);
    try (GraphSession session = GraphSession.open(graph, ctx)) {
      Plan plan = session.plan(state, target.targets());
      PlanPrinter.print(ctx, plan, format, session.origin());
      session.adviseOn(plan.failures());
      if (format == OutputFormat.text && plan.hasChanges()) {
        ctx.out().println();
        ctx.out().println("Drift: " + plan.changes().size() + " setting(s) differ from the desired state:");
        for (Change c : plan.changes()) {
          ctx.out().println("  " + c.address());
        }
      }
      if (plan.hasFailures()) {
        return ExitCode.ERROR;
      }
      return plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }
  }
}
