package org.settingsreconciler.cli;

import java.nio.file.Path;
import java.util.List;
import org.settingsreconciler.run.RunOutcome;
import org.settingsreconciler.run.fleet.FleetOutcome;
import org.settingsreconciler.run.fleet.FleetUseCase;
import org.settingsreconciler.run.fleet.TenantOutcome;
import org.settingsreconciler.run.fleet.TenantRequest;

/**
 * A command over tenant directories on the command line: the fleet runs in run.fleet.FleetUseCase, each tenant with
 * this command in its own scope; this chooses where each tenant's output goes and prints the fleet's report (one
 * section per tenant in the order given, then a summary) from the typed outcomes. A single tenant prints as it goes.
 */
final class FleetRun<O extends RunOutcome> implements FleetUseCase.Tenants<O, TenantConsole> {

  private final CliContext ctx;
  private final FleetCommand<O> command;
  private final List<Path> dirs;
  private final int parallel;
  private final FleetReport report;

  FleetRun(CliContext ctx, FleetCommand<O> command, List<Path> dirs, int parallel) {
    this.ctx = ctx;
    this.command = command;
    this.dirs = dirs;
    this.parallel = parallel;
    this.report = new FleetReport(ctx, command.format());
  }

  int run() {
    GraphOptions graph = command.graph();
    FleetUseCase.Request request = new FleetUseCase.Request(dirs, parallel, ctx.env(), command.desired().source(),
        graph == null ? null : graph.target(), command.purpose());
    FleetOutcome<O> outcome = FleetUseCase.run(request, this);
    if (dirs.size() > 1) {
      report.summary(outcome);
    }
    return outcome.exit();
  }

  @Override
  public void checkSeveral() {
    command.checkFleet();
  }

  @Override
  public TenantConsole open(boolean alone) {
    return new TenantConsole(ctx, alone);
  }

  @Override
  public O run(TenantRequest tenant, TenantConsole console) {
    CliContext own = console.context(tenant.env());
    O outcome = null;
    try {
      outcome = command.run(new RunScope(own, tenant.desired(), tenant.graph(), tenant.tenant().name()));
    } catch (RuntimeException e) {
      Main.failed(own, e);
    }
    own.out().flush();
    own.err().flush();
    return outcome;
  }

  /** A tenant beside others is shown once it is done; one alone has shown everything as it ran. */
  @Override
  public void done(TenantOutcome<O> outcome, TenantConsole console) {
    if (console.alone()) {
      return;
    }
    boolean json = command.format() == OutputFormat.json && outcome.outcome() != null;
    report.section(outcome, console.out(), console.err(),
        json ? console.masked(command.json(outcome.outcome())) : null);
  }
}
