package org.settingsreconciler.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.run.CheckUseCase;
import org.settingsreconciler.run.fleet.FleetUseCase;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "check",
    description = "Detect drift, for schedules: exit 0 in sync, 2 drift, 1 error. Never writes to the tenant.")
final class CheckCommand extends PlanningCommand<CheckUseCase.Result> {

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
  public CheckUseCase.Result run(RunScope scope) {
    CliContext ctx = scope.ctx();
    List<Path> inputs = scope.desired().inputFiles(scope.graph().sandboxState());
    List<ReportFile> named = reports.stream().map(r -> r.at(scope.outputFile(r.path()))).toList();
    named.forEach(r -> OutputFiles.refuseInputs("--report", r.path(), inputs));
    return CheckUseCase.run(
        new CheckUseCase.Request(ctx.run(), scope.desired(), scope.graph(), target.targets(),
            new CheckUseCase.Options(pending.recreatePending, updateFiles)),
        new CheckView(ctx, format, named));
  }

  @Override
  public JsonNode json(CheckUseCase.Result result) {
    return result.plan() == null ? null : PlanPrinter.json(PlanPrinter.Kind.CHECK, result.plan(), result.identity());
  }

  @Override
  public OutputFormat format() {
    return format;
  }

  @Override
  public void checkFleet() {
    reports.forEach(r -> FleetUseCase.namesEachTenant("--report", r.path()));
  }
}
