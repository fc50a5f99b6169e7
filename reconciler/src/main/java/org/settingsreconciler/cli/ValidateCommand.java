package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import java.util.concurrent.Callable;
import org.settingsreconciler.model.DesiredState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    mixinStandardHelpOptions = true,
    name = "validate",
    description = "Check desired-state files offline: YAML, schema, duplicate keys. Exit 0 valid, 1 invalid.")
final class ValidateCommand implements Callable<Integer>, FleetCommand {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  ValidateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return run(RunScope.of(ctx, desired, null)).exit();
  }

  @Override
  public Outcome run(RunScope scope) {
    DesiredState state = scope.desired().load(scope.ctx().run());
    if (state == null) {
      return Outcome.of(ExitCode.ERROR);
    }
    scope.ctx().out().println(
        "Valid: " + state.resources().size() + " settings and " + state.collections().size()
            + " collections in " + scope.desired().paths().size() + " path(s).");
    return Outcome.of(ExitCode.OK);
  }

  @Override
  public DesiredStateArgs desired() {
    return desired;
  }
}
