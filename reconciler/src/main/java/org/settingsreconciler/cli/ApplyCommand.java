package org.settingsreconciler.cli;

import org.settingsreconciler.run.ApplyUseCase;
import org.settingsreconciler.run.GraphSession;
import org.settingsreconciler.run.fleet.FleetUseCase;
import org.settingsreconciler.tenant.TenantConfig;
import org.settingsreconciler.run.UserError;
import java.nio.file.Path;
import java.time.Duration;
import org.settingsreconciler.apply.SafetyRails;
import org.settingsreconciler.apply.VerifyPolicy;
import org.settingsreconciler.render.ApplyReportJson;
import org.settingsreconciler.tenant.TenantIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    name = "apply",
    description = {
      "Plan, show the plan, and send it after confirmation (or --auto-approve); then read back what was written and "
          + "report what happened to every change.",
      "With --plan FILE: apply exactly a saved plan, without asking, after checking the tenant still matches it."
    })
final class ApplyCommand extends PlanningCommand<ApplyUseCase.Result> {

  @Option(names = "--plan", paramLabel = "FILE",
      description = "Apply this saved plan (from plan --out) instead, without asking for confirmation, as Terraform's "
          + "apply PLANFILE does: reviewing the saved plan was the approval. Refused when edited, when made for "
          + "another tenant or Graph root, or when the tenant changed since.")
  Path savedPlan;

  @Option(names = "--auto-approve", description = "Apply without asking; needed where there is no terminal.")
  boolean autoApprove;

  @Option(names = "--allow-destructive",
      description = "Allow destructive changes: deletes, blocking an agent, and turning enhanced personalization off.")
  boolean allowDestructive;

  @Option(names = "--max-deletes", paramLabel = "N", defaultValue = "" + SafetyRails.DEFAULT_MAX_DELETES,
      converter = Range.ZeroOrMore.class,
      description = "Refuse a plan with more than N deletes unless --force; ${bundle:range.ZeroOrMore} (default: ${DEFAULT-VALUE}).")
  int maxDeletes;

  @Option(names = "--max-blocks", paramLabel = "N", defaultValue = "" + SafetyRails.DEFAULT_MAX_BLOCKS,
      converter = Range.ZeroOrMore.class,
      description = "Refuse a plan that blocks more than N agents unless --force; ${bundle:range.ZeroOrMore} "
          + "(default: ${DEFAULT-VALUE}).")
  int maxBlocks;

  @Option(names = "--force",
      description = "Apply even when the plan deletes more than --max-deletes items or blocks more than --max-blocks.")
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
          + "${bundle:range.VerifyWait} (default: ${DEFAULT-VALUE}; 0 reads once).")
  double verifyWait;

  @Option(names = "--rollback-on-failure",
      description = "If any change fails, put back the values this run replaced: patch updates back, delete what "
          + "it created, create again what it deleted.")
  boolean rollbackOnFailure;

  ApplyCommand(CliContext ctx) {
    super(ctx);
  }

  @Override
  public ApplyUseCase.Result run(RunScope scope) {
    CliContext ctx = scope.ctx();
    Path plan = scope.file(savedPlan);
    ApplyReportFile reportTo = report == null ? null : new ApplyReportFile(scope.outputFile(report.path()));
    if (reportTo != null) {
      OutputFiles.refuseInputs("--report", reportTo.path(),
          scope.desired().inputFiles(scope.graph().sandboxState(), plan));
    }
    ApplyUseCase.Options options = new ApplyUseCase.Options(autoApprove, rails(), !noVerify, verifyPolicy(),
        rollbackOnFailure, pending.recreatePending);
    ApplyUseCase.Result result = ApplyUseCase.run(
        new ApplyUseCase.Request(ctx.run(), scope.desired(), scope.graph(), target.targets(), plan, options),
        new ApplyView(ctx));
    if (reportTo != null && result.ending() != null) {
      TenantIdentity identity = result.identity();
      TenantConfig tenant = scope.desired().tenant();
      reportTo.write(ctx, new ApplyReportJson.Run(result.place(),
          tenant != null ? tenant.name() : identity.displayName(),
          tenant != null ? tenant.tenantId() : identity.tenantId(),
          plan == null ? null : plan.toString(), result.startedAt(), result.finishedAt(), result.ending().reported(),
          result.refusals(), !noVerify, rollbackOnFailure, result.exit()), result.results());
    }
    return result;
  }

  @Override
  public GraphSession.Purpose purpose() {
    return GraphSession.Purpose.APPLY;
  }

  @Override
  public void checkFleet() {
    if (!autoApprove && savedPlan == null) {
      throw new UserError("apply to several tenants needs --auto-approve: there is no way to ask for each. Review "
          + "the plans first (plan with the same tenants). Nothing was applied");
    }
    if (report != null) {
      FleetUseCase.namesEachTenant("--report", report.path());
    }
    FleetUseCase.namesEachTenant("--plan", savedPlan);
    if (savedPlan != null) {
      ApplyUseCase.refuseChangingSavedPlan(target.targets(), desired.source());
    }
  }

  private SafetyRails rails() {
    return new SafetyRails(allowDestructive, maxDeletes, force, maxBlocks);
  }

  private VerifyPolicy verifyPolicy() {
    return VerifyPolicy.within(Duration.ofMillis(Math.round(verifyWait * 1000)));
  }
}
