package org.settingsreconciler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.text.ShellWord;
import org.settingsreconciler.run.PlanUseCase;
import org.settingsreconciler.run.fleet.FleetUseCase;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "plan",
    description = "Read the tenant and show what apply would change. Never writes to the tenant.")
final class PlanCommand extends PlanningCommand<PlanUseCase.Result> {

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
  public PlanUseCase.Result run(RunScope scope) {
    CliContext ctx = scope.ctx();
    Path saveTo = scope.outputFile(out);
    OutputFiles.refuseInputs("--out", saveTo, scope.desired().inputFiles(scope.graph().sandboxState()));
    PlanUseCase.Options options =
        new PlanUseCase.Options(pending.recreatePending, detailedExitCode, saveTo != null, ReconcilerCommand.VERSION);
    PlanUseCase.Result result = PlanUseCase.run(
        new PlanUseCase.Request(ctx.run(), scope.desired(), scope.graph(), target.targets(), options),
        (plan, session) -> PlanPrinter.print(ctx, plan, format, session));
    if (result.savedPlan() != null) {
      OutputFiles.writeWithValues(ctx, saveTo, result.savedPlan(), "the plan");
      ctx.err().println("Saved the plan to " + saveTo + "; apply it with: " + applyCommand(saveTo, scope));
    }
    return result;
  }

  /**
   * The command that applies the saved plan: its file and the options that name the Graph this run read, which apply
   * needs again (it refuses a plan made for another tenant or Graph root).
   */
  static String applyCommand(Path plan, RunScope scope) {
    List<String> words = new ArrayList<>(List.of("reconciler", "apply", "--plan", ShellWord.quoted(plan.toString())));
    words.addAll(scope.graph().asOptions());
    return String.join(" ", words);
  }

  @Override
  public JsonNode json(PlanUseCase.Result result) {
    return result.plan() == null ? null : PlanPrinter.json(PlanPrinter.Kind.PLAN, result.plan(), result.identity());
  }

  @Override
  public OutputFormat format() {
    return format;
  }

  @Override
  public void checkFleet() {
    FleetUseCase.namesEachTenant("--out", out);
  }
}
