package org.settingsreconciler.cli;

import java.time.Duration;
import java.util.List;
import org.settingsreconciler.apply.ApplyProgress;
import org.settingsreconciler.apply.ChangeResult;
import org.settingsreconciler.apply.CreateLedger;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.render.ApplyTextRenderer;
import org.settingsreconciler.render.PlanTextRenderer;
import org.settingsreconciler.run.ApplyUseCase;
import org.settingsreconciler.run.ClientTuning;
import org.settingsreconciler.run.GraphSession;

/** Apply on the command line: the plan and results on stdout, questions on the terminal, progress on stderr. */
record ApplyView(CliContext ctx) implements ApplyUseCase.View {

  @Override
  public void plan(Plan plan, GraphSession session, boolean destructiveAllowed) {
    PlanPrinter.print(ctx, PlanPrinter.Kind.PLAN, plan, OutputFormat.text, session, destructiveAllowed
        ? PlanTextRenderer.DestructiveNote.ALLOWED : PlanTextRenderer.DestructiveNote.NOT_ALLOWED);
  }

  @Override
  public void account(String line) {
    ctx.out().println(line);
  }

  @Override
  public String ask(String question) {
    return ctx.terminal().readLine(ctx.secrets().mask(question));
  }

  @Override
  public boolean canAsk() {
    return ctx.terminal().interactive();
  }

  /**
   * Every RECONCILER_PROGRESS_SECONDS (default {@link ApplyProgress#EVERY}; 0 for never) a line on stderr, where
   * stderr is seen as it is written: not for a tenant of a fleet, whose output is held back until it ends.
   */
  @Override
  public ApplyProgress progress() {
    Duration every = ClientTuning.seconds(ctx.env(), "RECONCILER_PROGRESS_SECONDS", ApplyProgress.EVERY, true);
    return ctx.liveErr() && !every.isZero() ? ApplyProgress.to(ctx.err()::println, every) : ApplyProgress.silent();
  }

  @Override
  public void applied(List<ChangeResult> results, CreateLedger ledger) {
    new ApplyTextRenderer(ctx.out(), ctx.colours().out()).render(results);
    ApplyTextRenderer.ledgerNotes(results, ledger).forEach(ctx.out()::println);
  }
}
