package org.settingsreconciler.cli;

import java.util.concurrent.Callable;
import org.settingsreconciler.auth.PermissionReport;
import org.settingsreconciler.model.DesiredState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "permissions",
    mixinStandardHelpOptions = true,
    description = "Print the Microsoft Graph permissions and the admin's directory roles a desired state needs "
        + "(every setting's, without PATH), for the app registration. Offline.")
final class PermissionsCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  PermissionsCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    // Without PATH: what managing every setting takes (an export of the whole tenant, or planning the YAML to come).
    DesiredState state = desired.paths.isEmpty() ? null : desired.load(ctx);
    if (state == null && !desired.paths.isEmpty()) {
      return ExitCode.ERROR;
    }
    PermissionReport.render(state).forEach(ctx.out()::println);
    return ExitCode.OK;
  }
}
