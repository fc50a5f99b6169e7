package org.settingsreconciler.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.SettingStatus;
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

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).", defaultValue = "text")
  OutputFormat format;

  @Option(names = "--report", paramLabel = "FILE", converter = ReportFile.Converter.class,
      description = "Also write a report, in the format the extension names: .json, .md (Markdown) or .xml "
          + "(JUnit). Written even on drift or error. Repeatable.")
  List<ReportFile> reports = new ArrayList<>();

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
      print(plan, session.origin());
      for (ReportFile report : reports) {
        report.write(plan, session.origin());
        ctx.err().println("Wrote the report " + report.path() + ".");
      }
      if (plan.hasFailures()) {
        return ExitCode.ERROR;
      }
      return plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }
  }

  private void print(Plan plan, String origin) {
    switch (format) {
      case json -> ctx.out().print(ReportFile.Format.JSON.render(plan, origin));
      case markdown -> ctx.out().print(ReportFile.Format.MARKDOWN.render(plan, origin));
      case text -> {
        PlanPrinter.print(ctx, plan, format, origin);
        List<String> drifted = plan.statuses().stream()
            .filter(s -> s.state() == SettingStatus.State.DRIFTED).map(SettingStatus::address).toList();
        if (!drifted.isEmpty()) {
          ctx.out().println();
          ctx.out().println("Drift: " + drifted.size() + " setting(s) differ from the desired state:");
          drifted.forEach(a -> ctx.out().println("  " + a));
        }
      }
    }
  }
}
