package org.settingsreconciler.cli;

import java.util.concurrent.Callable;
import org.settingsreconciler.auth.PermissionReport;
import org.settingsreconciler.model.DesiredState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "permissions",
    mixinStandardHelpOptions = true,
    description = "Print the Microsoft Graph permissions a desired state needs, for the app registration. Offline.")
final class PermissionsCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  PermissionsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    DesiredState state = desired.load(ctx);
    if (state == null) {
      return ExitCode.ERROR;
    }
    PermissionReport.render(state).forEach(ctx.out()::println);
    return ExitCode.OK;
  }
}
