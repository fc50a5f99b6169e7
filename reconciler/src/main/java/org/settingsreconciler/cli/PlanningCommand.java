package org.settingsreconciler.cli;

import java.util.concurrent.Callable;
import org.settingsreconciler.run.RunOutcome;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What plan, check and apply share: they load a desired state, read the tenant through Graph and plan, narrowed by
 * {@code --target}. A command line is one run in its own scope; a fleet runs the same command in each tenant's.
 *
 * @param <O> the outcome of the command's use case
 */
abstract class PlanningCommand<O extends RunOutcome> implements Callable<Integer>, FleetCommand<O> {

  /** The command line's context; a run uses its scope's (a fleet tenant's own), never this. */
  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  @Mixin GraphOptions graph;

  @Mixin TargetOptions target;

  @Mixin PendingOptions pending;

  /** This command's model, for the options given before its name (--no-color). */
  @Spec CommandSpec spec;

  PlanningCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public final Integer call() {
    return run(RunScope.of(ReconcilerCommand.context(ctx, spec), desired, graph)).exit();
  }

  @Override
  public final DesiredStateArgs desired() {
    return desired;
  }

  @Override
  public final GraphOptions graph() {
    return graph;
  }
}
