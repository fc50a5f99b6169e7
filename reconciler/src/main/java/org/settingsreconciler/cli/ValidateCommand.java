package org.settingsreconciler.cli;

import org.settingsreconciler.text.Plural;
import java.util.concurrent.Callable;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.run.ValidateUseCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    mixinStandardHelpOptions = true,
    name = "validate",
    description = "Check desired-state files offline: YAML, schema, duplicate keys. Exit 0 valid, 1 invalid.")
final class ValidateCommand implements Callable<Integer>, FleetCommand<ValidateUseCase.Result> {

  private final CliContext ctx;

  @Mixin DesiredStateArgs desired;

  ValidateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    return run(RunScope.of(ctx, desired, null)).exit();
  }

  /** What a collection is, said where it is counted: a setting is one object, a collection a list of items. */
  static final String COLLECTIONS_ARE = "(lists of items, such as profile card properties or interests)";

  @Override
  public ValidateUseCase.Result run(RunScope scope) {
    ValidateUseCase.Result result =
        ValidateUseCase.run(new ValidateUseCase.Request(scope.ctx().run(), scope.desired()));
    DesiredState state = result.state();
    if (state != null) {
      scope.ctx().out().println(
          "Valid: " + Plural.count(state.resources().size(), "setting") + " and "
              + Plural.count(state.collections().size(), "collection") + " " + COLLECTIONS_ARE + " in "
              + Plural.count(scope.desired().paths().size(), "path") + ".");
    }
    return result;
  }

  @Override
  public DesiredStateArgs desired() {
    return desired;
  }
}
