package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import java.util.concurrent.Callable;
import org.settingsreconciler.access.PermissionReport;
import org.settingsreconciler.model.DesiredState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "permissions",
    mixinStandardHelpOptions = true,
    description = "Print the Microsoft Graph permissions and the admin's directory roles a desired state needs "
        + "(every setting's, without PATH), for the app registration. Offline.")
final class PermissionsCommand implements Callable<Integer>, FleetCommand {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  PermissionsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return run(RunScope.of(ctx, desired, null)).exit();
  }

  @Override
  public Outcome run(RunScope scope) {
    // Without PATH: what managing every setting takes (an export of the whole tenant, or planning the YAML to come).
    boolean everything = scope.desired().paths().isEmpty() && scope.desired().tenant() == null;
    DesiredState state = everything ? null : scope.desired().load(scope.ctx().run());
    if (state == null && !everything) {
      return Outcome.of(ExitCode.ERROR);
    }
    PermissionReport.render(state).forEach(scope.ctx().out()::println);
    return Outcome.of(ExitCode.OK);
  }

  @Override
  public DesiredStateArgs desired() {
    return desired;
  }
}
