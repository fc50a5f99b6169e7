package org.settingsreconciler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.settingsreconciler.apply.ChangeOutcome;
import org.settingsreconciler.apply.Executor;
import org.settingsreconciler.apply.SafetyRails;
import org.settingsreconciler.apply.StalePlanCheck;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;

@Command(
    mixinStandardHelpOptions = true,
    name = "apply",
    description = {
      "Plan, show the plan, and send it after confirmation (or --auto-approve).",
      "With --plan FILE: apply exactly a saved plan, after checking the tenant still matches it."
    })
final class ApplyCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  @Mixin GraphOptions graph;

  @Mixin TargetOptions target;

  @Option(names = "--plan", paramLabel = "FILE", description = "Apply this saved plan (from plan --out) instead.")
  Path savedPlan;

  @Option(names = "--auto-approve", description = "Apply without asking; needed where there is no terminal.")
  boolean autoApprove;

  @Option(names = "--allow-destructive",
      description = "Allow destructive changes: deletes, and turning enhanced personalization off.")
  boolean allowDestructive;

  @Option(names = "--max-deletes", paramLabel = "N", defaultValue = "" + SafetyRails.DEFAULT_MAX_DELETES,
      description = "Refuse a plan with more than N deletes unless --force (default: ${DEFAULT-VALUE}).")
  int maxDeletes;

  @Option(names = "--force", description = "Apply even when the plan deletes more than --max-deletes items.")
  boolean force;

  ApplyCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    if (savedPlan != null) {
      if (!desired.paths.isEmpty()) {
        throw new UserError("give either desired-state PATHs or --plan FILE, not both");
      }
      if (!target.targets.isEmpty()) {
        throw new UserError("--target cannot narrow a saved plan: it is applied exactly as saved");
      }
      return applySaved();
    }
    DesiredState state = desired.load(ctx);
    if (state == null) {
      return ExitCode.ERROR;
    }
    state = target.narrow(state);
    try (GraphSession session = GraphSession.open(graph, ctx)) {
      Plan plan = session.plan(state, target.targets());
      PlanPrinter.print(ctx, plan, OutputFormat.text, session.origin());
      session.adviseOn(plan.failures());
      if (plan.hasFailures()) {
        ctx.err().println("Nothing was applied: the plan is incomplete while settings cannot be read.");
        return ExitCode.ERROR;
      }
      if (!plan.hasChanges()) {
        return ExitCode.OK;
      }
      if (refused(plan.changes(), session)) {
        return ExitCode.ERROR;
      }
      if (!confirmed(plan.changes().size(), session.origin())) {
        return ExitCode.ERROR;
      }
      return execute(plan.changes(), session);
    }
  }

  private int applySaved() {
    List<Change> changes;
    try {
      changes = PlanJson.readChanges(PlanPrinter.JSON.readTree(Files.readString(savedPlan)));
    } catch (IOException e) {
      throw new UserError("cannot read the plan " + savedPlan + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw new UserError(savedPlan + " is not a plan file: invalid JSON");
    } catch (IllegalArgumentException e) {
      throw new UserError(savedPlan + ": " + e.getMessage());
    }
    try (GraphSession session = GraphSession.open(graph, ctx)) {
      List<String> findings = new StalePlanCheck(session.reader()).findings(changes);
      if (!findings.isEmpty()) {
        // A read that failed says nothing about the tenant: say so, rather than that it changed.
        boolean unread = findings.stream().allMatch(f -> f.contains(StalePlanCheck.UNREADABLE));
        ctx.err().println(unread
            ? "The tenant could not be read to check the saved plan against it; nothing was applied:"
            : "The saved plan no longer matches the tenant; nothing was applied:");
        findings.forEach(f -> ctx.err().println("  " + f));
        ctx.err().println(unread
            ? "Apply the saved plan again once these can be read."
            : "Plan again to see the changes needed now.");
        return ExitCode.ERROR;
      }
      if (changes.isEmpty()) {
        ctx.out().println("The saved plan has no changes.");
        return ExitCode.OK;
      }
      if (refused(changes, session)) {
        return ExitCode.ERROR;
      }
      ctx.out().println("Applying the saved plan " + savedPlan + " (" + changes.size() + " changes) to "
          + session.origin() + ":");
      return execute(changes, session);
    }
  }

  /** The safety rails, and the permission preflight: a write the token cannot make is not attempted. */
  private boolean refused(List<Change> changes, GraphSession session) {
    List<String> refusals = new ArrayList<>(new SafetyRails(allowDestructive, maxDeletes, force).refusals(changes));
    refusals.addAll(session.writeRefusals(changes));
    if (refusals.isEmpty()) {
      return false;
    }
    ctx.err().println("Refusing to apply; nothing was applied:");
    refusals.forEach(r -> ctx.err().println("  " + r));
    return true;
  }

  private boolean confirmed(int count, String origin) {
    if (autoApprove) {
      return true;
    }
    Terminal terminal = ctx.terminal();
    if (!terminal.interactive()) {
      ctx.err().println(
          "Refusing to apply without confirmation: there is no terminal to ask. Nothing was applied. "
              + "Use --auto-approve, or apply a reviewed saved plan with --plan FILE.");
      return false;
    }
    String answer = terminal.readLine("\nApply these " + count + " changes to " + origin + "? Only 'yes' is accepted: ");
    if (answer == null || !answer.strip().equals("yes")) {
      ctx.err().println("Apply cancelled; nothing was applied.");
      return false;
    }
    return true;
  }

  private int execute(List<Change> changes, GraphSession session) {
    ctx.out().println();
    List<ChangeOutcome> outcomes =
        new Executor(session.client())
            .run(changes, o -> ctx.out().println(ApplyReport.line(session.explained(o))));
    ctx.out().println();
    ctx.out().println(ApplyReport.summary(outcomes));
    boolean failed = outcomes.stream().anyMatch(o -> o.status() != ChangeOutcome.Status.APPLIED);
    return failed ? ExitCode.ERROR : ExitCode.OK;
  }
}
