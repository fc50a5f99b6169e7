package org.settingsreconciler.cli;

import java.util.concurrent.Callable;
import org.settingsreconciler.model.DesiredState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    mixinStandardHelpOptions = true,
    name = "validate",
    description = "Check desired-state files offline: YAML, schema, duplicate keys. Exit 0 valid, 1 invalid.")
final class ValidateCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  ValidateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    DesiredState state = desired.load(ctx);
    if (state == null) {
      return ExitCode.ERROR;
    }
    ctx.out().println(
        "Valid: " + state.resources().size() + " settings and " + state.collections().size()
            + " collections in " + desired.paths.size() + " path(s).");
    return ExitCode.OK;
  }
}
