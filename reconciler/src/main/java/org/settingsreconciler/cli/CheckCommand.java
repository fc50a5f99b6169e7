package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.GraphSession;
import org.settingsreconciler.run.DesiredSource;
import org.settingsreconciler.run.DriftWriteBack;
import org.settingsreconciler.run.PlannedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.render.PlanTextRenderer;
import tools.jackson.databind.JsonNode;
import org.settingsreconciler.update.FileUpdate;
import org.settingsreconciler.update.UpdateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "check",
    description = "Detect drift, for schedules: exit 0 in sync, 2 drift, 1 error. Never writes to the tenant.")
final class CheckCommand extends PlanningCommand {

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).", defaultValue = "text")
  OutputFormat format;

  @Option(names = "--report", paramLabel = "FILE", converter = ReportFile.Converter.class,
      description = "Also write a report, in the format the extension names: .json, .md (Markdown) or .xml "
          + "(JUnit). Written even on drift or error. Repeatable.")
  List<ReportFile> reports = new ArrayList<>();

  @Option(names = "--update-files",
      description = "Accept drift: rewrite the drifted values in the YAML files to the tenant's, leaving every other "
          + "byte as it is, for a reviewed commit. The exit code is still 2 when drift was found.")
  boolean updateFiles;

  CheckCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Outcome run(RunScope scope) {
    List<Path> inputs = scope.desired().inputFiles(scope.graph().sandboxState());
    List<ReportFile> named = reports.stream().map(r -> r.at(scope.outputFile(r.path()))).toList();
    named.forEach(r -> OutputFiles.refuseInputs("--report", r.path(), inputs));
    return PlannedRun.run(scope.ctx().run(), scope.desired(), scope.graph(), target.targets(),
        pending.recreatePending, GraphSession.Purpose.READ, Outcome.of(ExitCode.ERROR),
        (plan, session) -> judge(scope, plan, session, named));
  }

  private Outcome judge(RunScope scope, Plan plan, GraphSession session, List<ReportFile> named) {
    CliContext ctx = scope.ctx();
    JsonNode json = print(ctx, plan, session);
    session.adviseOn(plan.failures());
    for (ReportFile report : named) {
      report.write(ctx, plan, session);
      ctx.err().println("Wrote the report " + report.path() + ".");
    }
    // A duplicate of an item the YAML names is drift even with no change to plan (prune off): see plan.Duplicate.
    int code = plan.hasFailures() ? ExitCode.ERROR : plan.drifted() ? ExitCode.CHANGES : ExitCode.OK;
    if (updateFiles && plan.hasChanges() && !acceptDrift(scope, plan, code)) {
      return new Outcome(ExitCode.ERROR, plan, json);
    }
    return new Outcome(code, plan, json);
  }

  /** Prints the check; the JSON printed, when the format is JSON, else null. */
  private JsonNode print(CliContext ctx, Plan plan, GraphSession session) {
    return PlanPrinter.print(ctx, PlanPrinter.Kind.CHECK, plan, format, session,
        PlanTextRenderer.DestructiveNote.NEEDED);
  }


  @Override
  public OutputFormat format() {
    return format;
  }

  @Override
  public void checkFleet() {
    reports.forEach(r -> FleetRun.namesEachTenant("--report", r.path()));
  }

  /**
   * Rewrites the YAML to match the tenant for the drifted settings, reports on stderr (stdout may be JSON), and
   * checks the files still load. False when they do not, or a file could not be written.
   */
  private boolean acceptDrift(RunScope scope, Plan plan, int code) {
    CliContext ctx = scope.ctx();
    DriftWriteBack.Result written = DriftWriteBack.run(ctx.run(), scope.desired(), plan);
    UpdateResult result = written.update();
    var err = ctx.err();
    err.println();
    if (result.updated().isEmpty()) {
      err.println("--update-files: no file was changed.");
    } else {
      err.println("--update-files: updated " + result.updated().size() + " file(s) to match the tenant:");
      for (FileUpdate f : result.updated()) {
        err.println("  " + f.file());
        f.settings().forEach(s -> err.println("    " + s));
      }
    }
    if (!result.notUpdated().isEmpty()) {
      err.println("Not updated (resolve by hand):");
      result.notUpdated().forEach(s -> err.println("  " + s));
    }
    if (!result.updated().isEmpty()) {
      err.println(code == ExitCode.CHANGES
          ? "Review and commit them. The exit code is still 2, because drift was found; the next check passes."
          : "Review and commit them. The exit code is 1: some settings could not be read (see above).");
    }
    if (written.invalidAfter() != null) {
      // The check has read the tenant by now: say only what is true of these files.
      DesiredSource.tellEach(ctx.run().view(), written.invalidAfter());
      err.println("The updated files are invalid (" + DesiredSource.count(written.invalidAfter()) + "); do not commit "
          + "them as they are.");
      return false;
    }
    return true;
  }

}
