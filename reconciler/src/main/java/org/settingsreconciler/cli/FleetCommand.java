package org.settingsreconciler.cli;

import org.settingsreconciler.run.GraphSession;
import org.settingsreconciler.run.RunOutcome;
import org.settingsreconciler.run.UserError;
import tools.jackson.databind.JsonNode;

/**
 * A command that can run over tenant directories (see run.fleet.FleetUseCase): plan, check, apply, validate and
 * permissions. Each tenant is one {@link #run} of the same command object, in its own {@link RunScope}.
 *
 * @param <O> the outcome of its use case
 */
interface FleetCommand<O extends RunOutcome> {

  /**
   * Runs the command's use case in one scope and shows its result there. Changes none of the command's fields:
   * several tenants run at once.
   */
  O run(RunScope scope);

  /** Where the desired state is named: the PATHs a fleet finds its tenant directories among. */
  DesiredStateArgs desired();

  /** Where Graph is, or null for a command that does not talk to it. */
  default GraphOptions graph() {
    return null;
  }

  /** What the command does with the tenant: only apply changes it (and so writes a tenant's sandbox state file). */
  default GraphSession.Purpose purpose() {
    return GraphSession.Purpose.READ;
  }

  /** The --format of the command's output, which the fleet's report keeps. */
  default OutputFormat format() {
    return OutputFormat.text;
  }

  /**
   * The outcome as the command prints it with {@code --format json}, for the fleet's JSON document; null when it
   * printed none (the run stopped before it had a plan, or the command has no JSON).
   */
  default JsonNode json(O outcome) {
    return null;
  }

  /**
   * Refuses, before any tenant runs, what cannot work across several tenants: an option naming one file without
   * {@code {tenant}}, or one that needs a terminal to answer. Throws {@link UserError}.
   */
  default void checkFleet() {}
}
