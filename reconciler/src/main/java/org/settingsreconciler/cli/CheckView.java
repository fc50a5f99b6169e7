package org.settingsreconciler.cli;

import java.util.List;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.render.PlanTextRenderer;
import org.settingsreconciler.run.CheckUseCase;
import org.settingsreconciler.run.GraphSession;

/** Check on the command line: the check on stdout in the format asked for, and each report written to its file. */
record CheckView(CliContext ctx, OutputFormat format, List<ReportFile> reports) implements CheckUseCase.View {

  @Override
  public void check(Plan plan, GraphSession session) {
    PlanPrinter.print(ctx, PlanPrinter.Kind.CHECK, plan, format, session, PlanTextRenderer.DestructiveNote.NEEDED);
  }

  @Override
  public void reports(Plan plan, GraphSession session) {
    for (ReportFile report : reports) {
      report.write(ctx, plan, session);
      ctx.err().println("Wrote the report " + report.path() + ".");
    }
  }
}
