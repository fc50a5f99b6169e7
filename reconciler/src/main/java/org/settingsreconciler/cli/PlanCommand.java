package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.GraphSession;
import org.settingsreconciler.run.PlannedRun;
import java.nio.file.Path;
import org.settingsreconciler.plan.Plan;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "plan",
    description = "Read the tenant and show what apply would change. Never writes to the tenant.")
final class PlanCommand extends PlanningCommand {

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).", defaultValue = "text")
  OutputFormat format;

  @Option(names = "--out", paramLabel = "FILE", converter = OutputFiles.PathConverter.class,
      description = "Also save the plan for apply --plan FILE: the changes, sealed with a digest and bound to the "
          + "tenant and Graph root they were planned for.")
  Path out;

  @Option(names = "--detailed-exitcode",
      description = "Exit 0 when there are no changes, 2 when there are, 1 on error.")
  boolean detailedExitCode;

  PlanCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Outcome run(RunScope scope) {
    Path saveTo = scope.outputFile(out);
    OutputFiles.refuseInputs("--out", saveTo, scope.desired().inputFiles(scope.graph().sandboxState()));
    return PlannedRun.run(scope.ctx().run(), scope.desired(), scope.graph(), target.targets(),
        pending.recreatePending, GraphSession.Purpose.READ, Outcome.of(ExitCode.ERROR),
        (plan, session) -> show(scope.ctx(), plan, session, saveTo));
  }

  private Outcome show(CliContext ctx, Plan plan, GraphSession session, Path saveTo) {
    JsonNode json = PlanPrinter.print(ctx, plan, format, session);
    session.adviseOn(plan.failures());
    if (plan.hasFailures()) {
      if (saveTo != null) {
        ctx.err().println("The plan was not saved: settings that could not be read make it incomplete.");
      }
      return new Outcome(ExitCode.ERROR, plan, json);
    }
    if (saveTo != null) {
      if (!PlanPrinter.save(ctx, plan, session.identity(), saveTo)) {
        return new Outcome(ExitCode.ERROR, plan, json);
      }
      ctx.err().println("Saved the plan to " + saveTo + "; apply it with: apply --plan " + saveTo);
    }
    return new Outcome(detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK, plan, json);
  }

  @Override
  public OutputFormat format() {
    return format;
  }

  @Override
  public void checkFleet() {
    FleetRun.namesEachTenant("--out", out);
  }
}
