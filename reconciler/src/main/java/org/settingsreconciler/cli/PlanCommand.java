package org.settingsreconciler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.settingsreconciler.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "plan",
    description = "Read the tenant and show what apply would change. Never writes to the tenant.")
final class PlanCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  @Mixin GraphOptions graph;

  @Mixin TargetOptions target;

  @Mixin PendingOptions pending;

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
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    OutputFiles.refuseInputs("--out", out, desired.inputFiles(graph.sandboxState));
    return PlannedRun.run(ctx, desired, graph, target, pending, GraphSession.Purpose.READ, this::show);
  }

  private int show(Plan plan, GraphSession session) {
    PlanPrinter.print(ctx, plan, format, session);
    session.adviseOn(plan.failures());
    if (plan.hasFailures()) {
      if (out != null) {
        ctx.err().println("The plan was not saved: settings that could not be read make it incomplete.");
      }
      return ExitCode.ERROR;
    }
    if (out != null) {
      if (!PlanPrinter.save(ctx, plan, session.identity(), out)) {
        return ExitCode.ERROR;
      }
      ctx.err().println("Saved the plan to " + out + "; apply it with: apply --plan " + out);
    }
    return detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
  }
}
