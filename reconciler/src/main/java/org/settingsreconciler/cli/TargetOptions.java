package org.settingsreconciler.cli;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Targets;
import picocli.CommandLine.Option;

/** {@code --target}, shared by plan, apply and check. */
final class TargetOptions {

  @Option(
      names = "--target",
      paramLabel = "ADDRESS",
      description = "Only settings whose address starts with ADDRESS (repeatable), e.g. copilot.limitedMode or "
          + "'users[\"adele@contoso.com\"]'.")
  List<String> targets = new ArrayList<>();

  Targets targets() {
    return new Targets(targets);
  }

  /** Narrows the desired state; a target that matches nothing is a mistake worth stopping for. */
  DesiredState narrow(DesiredState state) {
    Targets t = targets();
    DesiredState narrowed = t.narrow(state);
    for (String prefix : targets) {
      Targets one = new Targets(List.of(prefix));
      if (one.narrow(state).isEmpty()) {
        throw new UserError("--target " + prefix + " matches no setting in the desired state");
      }
    }
    return narrowed;
  }
}
