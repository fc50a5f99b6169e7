package org.settingsreconciler.run;

import org.settingsreconciler.text.Plural;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.apply.ApplyProgress;
import org.settingsreconciler.apply.ApplyRun;
import org.settingsreconciler.apply.ChangeResult;
import org.settingsreconciler.apply.CreateLedger;
import org.settingsreconciler.apply.SafetyRails;
import org.settingsreconciler.apply.StalePlanCheck;
import org.settingsreconciler.apply.VerifyPolicy;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.SavedPlan;
import org.settingsreconciler.plan.Targets;
import org.settingsreconciler.tenant.TenantIdentity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code apply}: plan and send after confirmation, or send exactly a saved plan after checking the tenant still
 * matches it; then read back what was written. Every reason not to send is found before anything is sent and told
 * at once. The exit code is decided here; what is shown and asked goes through the {@link View}.
 */
public final class ApplyUseCase {

  /** What apply is given. {@code savedPlan} is null to plan now from {@code desired}. */
  public record Request(RunContext ctx, DesiredSource desired, GraphTarget graph, Targets targets, Path savedPlan,
      Options options) {}

  /**
   * How apply may go.
   *
   * @param autoApprove send without asking
   * @param verify read back what was written
   * @param recreatePending create again what an earlier apply created moments ago (see apply.CreateLedger)
   */
  public record Options(boolean autoApprove, SafetyRails rails, boolean verify, VerifyPolicy verifyPolicy,
      boolean rollbackOnFailure, boolean recreatePending) {}

  /** What apply shows and asks while it runs: the command line prints it; a fleet tenant's is held back. */
  public interface View {

    /** The plan about to be applied, and whether destructive changes in it are allowed. */
    void plan(Plan plan, GraphSession session, boolean destructiveAllowed);

    /**
     * A line of the run's account, which is its result (stdout on the command line): what is being applied, to
     * which tenant. Not {@link RunView#say}, which is told beside the result (stderr).
     */
    void account(String line);

    /** Asks, and returns the answer; null when there was none (the input ended). */
    String ask(String question);

    /** Whether someone is there to answer {@link #ask}. */
    boolean canAsk();

    /** What a long apply says while it runs. */
    ApplyProgress progress();

    /** What happened to every change; the ledger of recent creates, for what it holds back. */
    void applied(List<ChangeResult> results, CreateLedger ledger);
  }

  /** How an apply ended, as its report names it. */
  public enum Ending {
    COMPLETE("complete"),
    INCOMPLETE("incomplete"),
    REFUSED("refused"),
    NOTHING_TO_DO("nothing_to_do");

    private final String reported;

    Ending(String reported) {
      this.reported = reported;
    }

    public String reported() {
      return reported;
    }
  }

  /**
   * How the run went. A run that stopped before it reached the tenant (invalid YAML) has no {@code ending}, and no
   * report is written for it.
   *
   * @param plan the plan made, or null for a saved plan
   * @param counts the changes the run had to apply (the plan made, or the saved plan's), counted; null when it
   *     stopped before it had any
   * @param place where the run went, as reports say it; {@code identity} which tenant
   */
  public record Result(int exit, Ending ending, List<String> refusals, List<ChangeResult> results, Plan plan,
      PlanCounts counts, String place, TenantIdentity identity, Instant startedAt, Instant finishedAt)
      implements RunOutcome {

    static Result notReached(Instant startedAt) {
      return new Result(ExitCode.ERROR, null, List.of(), List.of(), null, null, null, null, startedAt, Instant.now());
    }
  }

  private static final String NOT_CONFIRMED =
      "not confirmed: there is no terminal to ask, and --auto-approve was not given";

  /**
   * Reads saved plans, refusing a key given twice: the tool never writes one, and of two values a reader (or a
   * reviewer's viewer) may take the first while apply takes the last.
   */
  private static final JsonMapper PLAN_READER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Request request;
  private final View view;
  private final RunView notes;
  private final Options options;
  private final Instant startedAt = Instant.now();
  private final ApplyProgress progress;

  private ApplyUseCase(Request request, View view) {
    this.request = request;
    this.view = view;
    this.notes = request.ctx().view();
    this.options = request.options();
    this.progress = view.progress();
  }

  public static Result run(Request request, View view) {
    ApplyUseCase apply = new ApplyUseCase(request, view);
    return request.savedPlan() == null ? apply.planAndApply() : apply.applySaved();
  }

  private Result planAndApply() {
    return PlannedRun.run(request.ctx(), request.desired(), request.graph(), request.targets(),
        options.recreatePending(), GraphSession.Purpose.APPLY, Result.notReached(startedAt),
        this::applyPlanned);
  }

  private Result applyPlanned(Plan plan, GraphSession session) {
    view.plan(plan, session, options.rails().allowDestructive());
    session.adviseOn(plan.failures());
    if (plan.hasFailures()) {
      notes.say("Nothing was applied: the plan is incomplete while settings cannot be read.");
      return notSent(plan, plan.changes(), session, List.of("the plan is incomplete: "
          + Plural.count(plan.failures().size(), "setting") + " could not be read"));
    }
    if (!plan.hasChanges()) {
      return ended(plan, plan.changes(), session, ExitCode.OK, Ending.NOTHING_TO_DO, List.of(), List.of());
    }
    List<String> refusals = refusals(plan.changes(), session, true);
    if (!refusals.isEmpty()) {
      return notSent(plan, plan.changes(), session, refusals);
    }
    String cancelled = confirmation(plan.changes().size(), session.origin());
    if (cancelled != null) {
      return notSent(plan, plan.changes(), session, List.of(cancelled));
    }
    return execute(plan, plan.changes(), session);
  }

  /**
   * Refuses what would change a saved plan, which is applied exactly as saved: targets narrowing it, and variables
   * (its values were decided when it was made). A fleet checks it once, before any tenant runs.
   */
  public static void refuseChangingSavedPlan(Targets targets, DesiredSource desired) {
    if (!targets.all()) {
      throw new UserError("--target cannot narrow a saved plan: it is applied exactly as saved");
    }
    if (!desired.vars().isEmpty() || !desired.varFiles().isEmpty()) {
      throw new UserError("--var and --var-file cannot change a saved plan: its values were decided when it was "
          + "made, and it is applied exactly as saved; nothing was sent");
    }
  }

  private Result applySaved() {
    Path file = request.savedPlan();
    DesiredSource desired = request.desired();
    if (!desired.paths().isEmpty() && desired.tenant() == null) {
      throw new UserError("give either desired-state PATHs or --plan FILE, not both");
    }
    refuseChangingSavedPlan(request.targets(), desired);
    SavedPlan saved;
    try {
      saved = SavedPlan.read(PLAN_READER.readTree(UserFile.read(file, UserFile.Kind.PLAN)));
      // Masked in everything this run prints and reports, as in the run that planned it.
      saved.secretValues().forEach(request.ctx().secrets()::addValue);
    } catch (IOException e) {
      throw new UserError("cannot read the plan " + file + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw new UserError(file + " is not a saved plan: invalid JSON, or an object key given twice; nothing was "
          + "sent");
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + e.getMessage() + "; nothing was sent");
    }
    List<Change> changes = saved.changes();
    try (GraphSession session = GraphSession.open(request.graph(), request.ctx(), GraphSession.Purpose.APPLY)) {
      // A tenant directory's plan goes to that tenant only, as a fresh plan does (a token may name no tenant).
      PlannedRun.refuseAnotherTenant(request.desired(), session);
      List<String> elsewhere = saved.mismatches(session.identity());
      if (!elsewhere.isEmpty()) {
        notes.say("Refusing to apply the saved plan " + file + " here; nothing was applied:");
        elsewhere.forEach(m -> notes.say("  " + m));
        List<String> reasons = new ArrayList<>(List.of("the saved plan was made for another tenant or Graph root"));
        reasons.addAll(elsewhere);
        return notSent(null, changes, session, reasons);
      }
      // The "before" of every change is in the saved plan (SavedChange requires it for every property a PATCH
      // sets), and this check proves the tenant still holds it: the rails below judge the real change, and a
      // rollback restores exactly those values.
      List<String> findings = new StalePlanCheck(session.reader()).findings(changes);
      if (!findings.isEmpty()) {
        // A read that failed says nothing about the tenant: say so, rather than that it changed.
        boolean unread = findings.stream().allMatch(f -> f.contains(StalePlanCheck.UNREADABLE));
        // Named here too: a refused run says which tenant refused it, as an applying one does.
        notes.say(unread
            ? "The tenant could not be read to check the saved plan against it (" + session.origin()
                + "); nothing was applied:"
            : "The saved plan no longer matches the tenant (" + session.origin() + "); nothing was applied:");
        findings.forEach(f -> notes.say("  " + f));
        notes.say(unread
            ? "Apply the saved plan again once these can be read."
            : "Plan again to see the changes needed now.");
        List<String> reasons = new ArrayList<>(List.of(unread
            ? "the tenant could not be read to check the saved plan against it"
            : "the saved plan no longer matches the tenant"));
        reasons.addAll(findings);
        return notSent(null, changes, session, reasons);
      }
      if (changes.isEmpty()) {
        view.account("The saved plan has no changes.");
        return ended(null, changes, session, ExitCode.OK, Ending.NOTHING_TO_DO, List.of(), List.of());
      }
      List<String> refusals = refusals(changes, session, false);
      if (!refusals.isEmpty()) {
        return notSent(null, changes, session, refusals);
      }
      // As Terraform's apply PLANFILE: the plan was reviewed when it was made, so nothing is asked; the tenant is
      // named before anything is sent.
      view.account("Applying the saved plan " + file + " (" + Plural.count(changes.size(), "change")
          + ", planned " + saved.createdAt() + ") to "
          + session.origin() + ":");
      return execute(null, changes, session);
    }
  }

  /**
   * Every reason not to send the changes, told at once so one run names all that is missing: the safety rails, the
   * permission preflight (a write the token cannot make is not attempted) and, when apply would have to ask
   * ({@code asks}: not for a saved plan), that there is no one to ask. Each reason, and the closing line, names only
   * flags that were not given.
   */
  private List<String> refusals(List<Change> changes, GraphSession session, boolean asks) {
    SafetyRails rails = options.rails();
    List<String> refusals = new ArrayList<>(rails.refusals(changes));
    List<String> permissions = session.writeRefusals(changes);
    refusals.addAll(permissions);
    List<String> missing = new ArrayList<>(rails.missingFlags(changes));
    if (asks && !options.autoApprove() && !view.canAsk()) {
      refusals.add(NOT_CONFIRMED);
      missing.add("--auto-approve");
    }
    if (refusals.equals(List.of(NOT_CONFIRMED))) {
      notes.say("Refusing to apply without confirmation: there is no terminal to ask. Nothing was applied. "
          + "Use --auto-approve, or apply a reviewed saved plan with --plan FILE.");
    } else if (!refusals.isEmpty()) {
      notes.say("Refusing to apply; nothing was applied:");
      refusals.forEach(r -> notes.say("  " + r));
      if (!missing.isEmpty()) {
        notes.say("To apply this plan, also give " + String.join(" ", missing)
            + (permissions.isEmpty() ? "." : ", and get the permissions above."));
      }
    }
    return refusals;
  }

  /**
   * Null when the user confirmed (or --auto-approve), else why nothing is sent, already told. With no one to ask it
   * is not reached: {@link #refusals} refused already.
   */
  private String confirmation(int count, String origin) {
    if (options.autoApprove()) {
      return null;
    }
    String answer = view.ask("\nApply " + Plural.pick(count, "this change", "these " + count + " changes") + " to " + origin + "? Only 'yes' is accepted: ");
    if (answer == null || !answer.strip().equals("yes")) {
      notes.say("Apply cancelled; nothing was applied.");
      return "cancelled: the answer was not 'yes'";
    }
    return null;
  }

  /** Nothing is sent: the report still lists every change, not attempted, with the reasons. */
  private Result notSent(Plan plan, List<Change> changes, GraphSession session, List<String> reasons) {
    String why = "not sent: apply refused (" + reasons.get(0) + ")";
    List<ChangeResult> results = changes.stream().map(c -> ChangeResult.notAttempted(c, why)).toList();
    return ended(plan, changes, session, ExitCode.ERROR, Ending.REFUSED, reasons, results);
  }

  private Result execute(Plan plan, List<Change> changes, GraphSession session) {
    view.account("");
    view.account("Sending " + Plural.count(changes.size(), "change")
        + (options.verify() ? ", then reading the tenant back to verify" : "") + ":");
    ApplyRun.Settings settings = new ApplyRun.Settings(options.verify(), options.verifyPolicy(),
        options.rollbackOnFailure(), options.rails(), session.ledger(), options.recreatePending());
    List<ChangeResult> results =
        new ApplyRun(session.client(), session.reader(), settings, session::explained, session::writeRefusals)
            .reportingTo(progress)
            .run(changes);
    view.applied(results, session.ledger());
    boolean failed = results.stream().anyMatch(r -> r.status().failsTheRun());
    return ended(plan, changes, session, failed ? ExitCode.ERROR : ExitCode.OK,
        failed ? Ending.INCOMPLETE : Ending.COMPLETE, List.of(), results);
  }

  /**
   * @param plan the plan made, or null for a saved plan
   * @param changes the changes the run had to apply: the plan's, or the saved plan's
   */
  private Result ended(Plan plan, List<Change> changes, GraphSession session, int exit, Ending ending,
      List<String> refusals, List<ChangeResult> results) {
    PlanCounts counts = plan != null ? PlanCounts.of(plan) : PlanCounts.of(changes, 0);
    return new Result(exit, ending, refusals, results, plan, counts, session.place(), session.identity(), startedAt,
        Instant.now());
  }
}
