package org.settingsreconciler.cli;

import org.settingsreconciler.run.UserError;
import org.settingsreconciler.plan.Plan;
import tools.jackson.databind.JsonNode;

/**
 * A command that can run over tenant directories (see {@link FleetRun}): plan, check, apply, validate and permissions.
 * Each tenant is one {@link #run} of the same command object, in its own {@link RunScope}.
 */
interface FleetCommand {

  /** What one run left: its exit code, its plan (for the fleet's summary) and the JSON it printed, if any. */
  record Outcome(int exit, Plan plan, JsonNode json) {

    static Outcome of(int exit) {
      return new Outcome(exit, null, null);
    }
  }

  /** Runs the command in one scope. Changes none of the command's fields: several tenants run at once. */
  Outcome run(RunScope scope);

  /** Where the desired state is named: the PATHs a fleet finds its tenant directories among. */
  DesiredStateArgs desired();

  /** Where Graph is, or null for a command that does not talk to it. */
  default GraphOptions graph() {
    return null;
  }

  /** The --format of the command's output, which the fleet's report keeps. */
  default OutputFormat format() {
    return OutputFormat.text;
  }

  /**
   * Refuses, before any tenant runs, what cannot work across several tenants: an option naming one file without
   * {@code {tenant}}, or one that needs a terminal to answer. Throws {@link UserError}.
   */
  default void checkFleet() {}
}
