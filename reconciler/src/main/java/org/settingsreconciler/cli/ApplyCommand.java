package org.settingsreconciler.cli;

import org.settingsreconciler.run.UserError;
import org.settingsreconciler.run.GraphSession;
import org.settingsreconciler.run.PlannedRun;
import org.settingsreconciler.run.ClientTuning;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.apply.ApplyProgress;
import org.settingsreconciler.apply.ApplyRun;
import org.settingsreconciler.apply.ChangeResult;
import org.settingsreconciler.apply.SafetyRails;
import org.settingsreconciler.apply.StalePlanCheck;
import org.settingsreconciler.apply.VerifyPolicy;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.SavedPlan;
import org.settingsreconciler.render.ApplyReportJson;
import org.settingsreconciler.render.ApplyTextRenderer;
import org.settingsreconciler.tenant.TenantIdentity;
import org.settingsreconciler.render.PlanTextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(
    mixinStandardHelpOptions = true,
    name = "apply",
    description = {
      "Plan, show the plan, and send it after confirmation (or --auto-approve); then read back what was written and "
          + "report what happened to every change.",
      "With --plan FILE: apply exactly a saved plan, without asking, after checking the tenant still matches it."
    })
final class ApplyCommand extends PlanningCommand {

  @Option(names = "--plan", paramLabel = "FILE",
      description = "Apply this saved plan (from plan --out) instead, without asking for confirmation, as Terraform's "
          + "apply PLANFILE does: reviewing the saved plan was the approval. Refused when edited, when made for "
          + "another tenant or Graph root, or when the tenant changed since.")
  Path savedPlan;

  @Option(names = "--auto-approve", description = "Apply without asking; needed where there is no terminal.")
  boolean autoApprove;

  @Option(names = "--allow-destructive",
      description = "Allow destructive changes: deletes, and turning enhanced personalization off.")
  boolean allowDestructive;

  @Option(names = "--max-deletes", paramLabel = "N", defaultValue = "" + SafetyRails.DEFAULT_MAX_DELETES,
      converter = Range.ZeroOrMore.class,
      description = "Refuse a plan with more than N deletes unless --force; 0 or more (default: ${DEFAULT-VALUE}).")
  int maxDeletes;

  @Option(names = "--force", description = "Apply even when the plan deletes more than --max-deletes items.")
  boolean force;

  @Option(names = "--report", paramLabel = "FILE", converter = ApplyReportFile.Converter.class,
      description = "Also write what happened to every change to FILE (JSON, owner-only), even when apply fails or "
          + "is refused.")
  ApplyReportFile report;

  @Option(names = "--no-verify",
      description = "Do not read back what was written; a change Graph accepted is reported applied unchecked.")
  boolean noVerify;

  @Option(names = "--verify-wait", paramLabel = "SECONDS", defaultValue = "3", converter = Range.VerifyWait.class,
      description = "How long to keep re-reading a written setting that does not show yet: 3 reads over this time, "
          + "0 to 600 (default: ${DEFAULT-VALUE}; 0 reads once).")
  double verifyWait;

  @Option(names = "--rollback-on-failure",
      description = "If any change fails, put back the values this run replaced: patch updates back, delete what "
          + "it created, create again what it deleted.")
  boolean rollbackOnFailure;

  /**
   * Reads saved plans, refusing a key given twice: the tool never writes one, and of two values a reader (or a
   * reviewer's viewer) may take the first while apply takes the last.
   */
  private static final JsonMapper PLAN_READER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  ApplyCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public Outcome run(RunScope scope) {
    return new Run(scope).start();
  }

  @Override
  public void checkFleet() {
    if (!autoApprove && savedPlan == null) {
      throw new UserError("apply to several tenants needs --auto-approve: there is no way to ask for each. Review "
          + "the plans first (plan with the same tenants). Nothing was applied");
    }
    if (report != null) {
      FleetRun.namesEachTenant("--report", report.path());
    }
    FleetRun.namesEachTenant("--plan", savedPlan);
  }

  private SafetyRails rails() {
    return new SafetyRails(allowDestructive, maxDeletes, force);
  }

  private VerifyPolicy verifyPolicy() {
    return VerifyPolicy.within(Duration.ofMillis(Math.round(verifyWait * 1000)));
  }

  private static final String NOT_CONFIRMED =
      "not confirmed: there is no terminal to ask, and --auto-approve was not given";

  /** One run of apply: the command line's, or one tenant's of a fleet; it holds all the run's own state. */
  private final class Run {

    private final RunScope scope;
    private final CliContext ctx;
    private final Instant startedAt = Instant.now();
    /** The saved plan to apply, or null; for a fleet tenant, its own file. */
    private final Path savedPlan;
    private final ApplyReportFile report;
    /** What a long apply says while it runs; decided before anything is sent, like every other setting. */
    private final ApplyProgress progress;

    Run(RunScope scope) {
      this.scope = scope;
      this.ctx = scope.ctx();
      this.savedPlan = scope.file(ApplyCommand.this.savedPlan);
      this.report = ApplyCommand.this.report == null ? null : new ApplyReportFile(scope.outputFile(ApplyCommand.this.report.path()));
      this.progress = progress();
    }

    Outcome start() {
      if (report != null) {
        OutputFiles.refuseInputs("--report", report.path(), scope.desired().inputFiles(scope.graph().sandboxState(), savedPlan));
      }
      VerifyPolicy policy = verifyPolicy();
      if (savedPlan != null) {
        if (!scope.desired().paths().isEmpty() && scope.desired().tenant() == null) {
          throw new UserError("give either desired-state PATHs or --plan FILE, not both");
        }
        if (!target.targets.isEmpty()) {
          throw new UserError("--target cannot narrow a saved plan: it is applied exactly as saved");
        }
        if (!scope.desired().vars().isEmpty() || !scope.desired().varFiles().isEmpty()) {
          throw new UserError("--var and --var-file cannot change a saved plan: its values were decided when it was "
              + "made, and it is applied exactly as saved; nothing was sent");
        }
        return Outcome.of(applySaved(policy));
      }
      return PlannedRun.run(ctx.run(), scope.desired(), scope.graph(), target.targets(),
          pending.recreatePending, GraphSession.Purpose.APPLY, Outcome.of(ExitCode.ERROR),
          (plan, session) -> new Outcome(applyPlanned(plan, session, policy), plan, null));
    }

    private int applyPlanned(Plan plan, GraphSession session, VerifyPolicy policy) {
      PlanPrinter.print(ctx, plan, OutputFormat.text, session, allowDestructive
          ? PlanTextRenderer.DestructiveNote.ALLOWED : PlanTextRenderer.DestructiveNote.NOT_ALLOWED);
      session.adviseOn(plan.failures());
      if (plan.hasFailures()) {
        ctx.err().println("Nothing was applied: the plan is incomplete while settings cannot be read.");
        return notSent(plan.changes(), session, List.of("the plan is incomplete: " + plan.failures().size()
            + " setting(s) could not be read"));
      }
      if (!plan.hasChanges()) {
        writeReport(session, "nothing_to_do", List.of(), List.of(), ExitCode.OK);
        return ExitCode.OK;
      }
      List<String> refusals = refusals(plan.changes(), session, true);
      if (!refusals.isEmpty()) {
        return notSent(plan.changes(), session, refusals);
      }
      String cancelled = confirmation(plan.changes().size(), session.origin());
      if (cancelled != null) {
        return notSent(plan.changes(), session, List.of(cancelled));
      }
      return execute(plan.changes(), session, policy);
    }

    private int applySaved(VerifyPolicy policy) {
      SavedPlan saved;
      try {
        saved = SavedPlan.read(PLAN_READER.readTree(UserFile.read(savedPlan, UserFile.Kind.PLAN)));
        // Masked in everything this run prints and reports, as in the run that planned it.
        saved.secretValues().forEach(ctx.secrets()::addValue);
      } catch (IOException e) {
        throw new UserError("cannot read the plan " + savedPlan + ": " + e.getMessage());
      } catch (JacksonException e) {
        throw new UserError(savedPlan + " is not a saved plan: invalid JSON, or an object key given twice; nothing was "
            + "sent");
      } catch (IllegalArgumentException e) {
        throw new UserError(savedPlan + ": " + e.getMessage() + "; nothing was sent");
      }
      List<Change> changes = saved.changes();
      try (GraphSession session = GraphSession.open(scope.graph(), ctx.run(), GraphSession.Purpose.APPLY)) {
        List<String> elsewhere = saved.mismatches(session.identity());
        if (!elsewhere.isEmpty()) {
          ctx.err().println("Refusing to apply the saved plan " + savedPlan + " here; nothing was applied:");
          elsewhere.forEach(m -> ctx.err().println("  " + m));
          List<String> reasons = new ArrayList<>(List.of("the saved plan was made for another tenant or Graph root"));
          reasons.addAll(elsewhere);
          return notSent(changes, session, reasons);
        }
        // The "before" of every change is in the saved plan (SavedChange requires it for every property a PATCH
        // sets), and this check proves the tenant still holds it: the rails below judge the real change, and a
        // rollback restores exactly those values.
        List<String> findings = new StalePlanCheck(session.reader()).findings(changes);
        if (!findings.isEmpty()) {
          // A read that failed says nothing about the tenant: say so, rather than that it changed.
          boolean unread = findings.stream().allMatch(f -> f.contains(StalePlanCheck.UNREADABLE));
          // Named here too: a refused run says which tenant refused it, as an applying one does.
          ctx.err().println(unread
              ? "The tenant could not be read to check the saved plan against it (" + session.origin()
                  + "); nothing was applied:"
              : "The saved plan no longer matches the tenant (" + session.origin() + "); nothing was applied:");
          findings.forEach(f -> ctx.err().println("  " + f));
          ctx.err().println(unread
              ? "Apply the saved plan again once these can be read."
              : "Plan again to see the changes needed now.");
          List<String> reasons = new ArrayList<>(List.of(unread
              ? "the tenant could not be read to check the saved plan against it"
              : "the saved plan no longer matches the tenant"));
          reasons.addAll(findings);
          return notSent(changes, session, reasons);
        }
        if (changes.isEmpty()) {
          ctx.out().println("The saved plan has no changes.");
          writeReport(session, "nothing_to_do", List.of(), List.of(), ExitCode.OK);
          return ExitCode.OK;
        }
        List<String> refusals = refusals(changes, session, false);
        if (!refusals.isEmpty()) {
          return notSent(changes, session, refusals);
        }
        // As Terraform's apply PLANFILE: the plan was reviewed when it was made, so nothing is asked; the tenant is
        // named before anything is sent.
        ctx.out().println("Applying the saved plan " + savedPlan + " (" + changes.size()
            + (changes.size() == 1 ? " change" : " changes") + ", planned " + saved.createdAt() + ") to "
            + session.origin() + ":");
        return execute(changes, session, policy);
      }
    }

    /**
     * Every reason not to send the changes, said at once so one run names all that is missing: the safety rails, the
     * permission preflight (a write the token cannot make is not attempted) and, when apply would have to ask
     * ({@code asks}: not for a saved plan), that there is no terminal to ask on. Each reason, and the closing line,
     * names only flags that were not given.
     */
    private List<String> refusals(List<Change> changes, GraphSession session, boolean asks) {
      List<String> refusals = new ArrayList<>(rails().refusals(changes));
      List<String> permissions = session.writeRefusals(changes);
      refusals.addAll(permissions);
      List<String> missing = new ArrayList<>(rails().missingFlags(changes));
      if (asks && !autoApprove && !ctx.terminal().interactive()) {
        refusals.add(NOT_CONFIRMED);
        missing.add("--auto-approve");
      }
      if (refusals.equals(List.of(NOT_CONFIRMED))) {
        ctx.err().println(
            "Refusing to apply without confirmation: there is no terminal to ask. Nothing was applied. "
                + "Use --auto-approve, or apply a reviewed saved plan with --plan FILE.");
      } else if (!refusals.isEmpty()) {
        ctx.err().println("Refusing to apply; nothing was applied:");
        refusals.forEach(r -> ctx.err().println("  " + r));
        if (!missing.isEmpty()) {
          ctx.err().println("To apply this plan, also give " + String.join(" ", missing)
              + (permissions.isEmpty() ? "." : ", and get the permissions above."));
        }
      }
      return refusals;
    }

    /**
     * Null when the user confirmed (or --auto-approve), else why nothing is sent, already said on stderr. Without a
     * terminal it is not reached: {@link #refusals} refused already.
     */
    private String confirmation(int count, String origin) {
      if (autoApprove) {
        return null;
      }
      Terminal terminal = ctx.terminal();
      String answer = terminal.readLine(ctx.secrets().mask(
          "\nApply these " + count + " changes to " + origin + "? Only 'yes' is accepted: "));
      if (answer == null || !answer.strip().equals("yes")) {
        ctx.err().println("Apply cancelled; nothing was applied.");
        return "cancelled: the answer was not 'yes'";
      }
      return null;
    }

    /** Nothing is sent: the report still lists every change, not attempted, with the reasons. */
    private int notSent(List<Change> changes, GraphSession session, List<String> reasons) {
      String why = "not sent: apply refused (" + reasons.get(0) + ")";
      List<ChangeResult> results = changes.stream().map(c -> ChangeResult.notAttempted(c, why)).toList();
      writeReport(session, "refused", reasons, results, ExitCode.ERROR);
      return ExitCode.ERROR;
    }

    private int execute(List<Change> changes, GraphSession session, VerifyPolicy policy) {
      ctx.out().println();
      ctx.out().println("Sending " + changes.size() + (changes.size() == 1 ? " change" : " changes")
          + (noVerify ? "" : ", then reading the tenant back to verify") + ":");
      ApplyRun.Settings settings = new ApplyRun.Settings(!noVerify, policy, rollbackOnFailure, rails(),
          session.ledger(), pending.recreatePending);
      List<ChangeResult> results =
          new ApplyRun(session.client(), session.reader(), settings, session::explained, session::writeRefusals)
              .reportingTo(progress)
              .run(changes);
      new ApplyTextRenderer(ctx.out()).render(results);
      ApplyTextRenderer.ledgerNotes(results, session.ledger()).forEach(ctx.out()::println);
      boolean failed = results.stream().anyMatch(r -> r.status().failsTheRun());
      int exit = failed ? ExitCode.ERROR : ExitCode.OK;
      writeReport(session, failed ? "incomplete" : "complete", List.of(), results, exit);
      return exit;
    }

    private void writeReport(
        GraphSession session, String result, List<String> refusals, List<ChangeResult> results, int exit) {
      if (report == null) {
        return;
      }
      TenantIdentity identity = session.identity();
      String tenantName = scope.desired().tenant() != null ? scope.desired().tenant().name() : identity.displayName();
      String tenantId = scope.desired().tenant() != null ? scope.desired().tenant().tenantId() : identity.tenantId();
      ApplyReportJson.Run run = new ApplyReportJson.Run(session.place(), tenantName, tenantId,
          savedPlan == null ? null : savedPlan.toString(), startedAt, Instant.now(), result, refusals, !noVerify,
          rollbackOnFailure, exit);
      report.write(ctx, run, results);
    }

    /**
     * Every RECONCILER_PROGRESS_SECONDS (default {@link ApplyProgress#EVERY}; 0 for never) a line on stderr, where
     * stderr is seen as it is written: not for a tenant of a fleet, whose output is held back until it ends.
     */
    private ApplyProgress progress() {
      Duration every = ClientTuning.seconds(ctx.env(), "RECONCILER_PROGRESS_SECONDS", ApplyProgress.EVERY, true);
      return ctx.liveErr() && !every.isZero() ? ApplyProgress.to(ctx.err()::println, every) : ApplyProgress.silent();
    }
  }
}
