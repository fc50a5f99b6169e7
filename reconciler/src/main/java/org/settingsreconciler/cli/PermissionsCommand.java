package org.settingsreconciler.cli;

import java.util.concurrent.Callable;
import org.settingsreconciler.run.PermissionsUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "permissions",
    mixinStandardHelpOptions = true,
    description = "Print the Microsoft Graph permissions and the admin's directory roles a desired state needs "
        + "(every setting's, without PATH), for the app registration. Offline.")
final class PermissionsCommand implements Callable<Integer>, FleetCommand<PermissionsUseCase.Result> {

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
  public PermissionsUseCase.Result run(RunScope scope) {
    PermissionsUseCase.Result result =
        PermissionsUseCase.run(new PermissionsUseCase.Request(scope.ctx().run(), scope.desired()));
    if (result.report() != null) {
      result.report().forEach(scope.ctx().out()::println);
    }
    return result;
  }

  @Override
  public DesiredStateArgs desired() {
    return desired;
  }
}
