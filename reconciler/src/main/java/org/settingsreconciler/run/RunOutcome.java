package org.settingsreconciler.run;

/**
 * How a use case's run ended, as every command and a fleet's report need it: its exit code (see ExitCode) and, when it
 * made a plan, the plan's counts.
 */
public interface RunOutcome {

  int exit();

  /** What the run planned, counted; null when it made no plan (validate, permissions, or it stopped before). */
  default PlanCounts counts() {
    return null;
  }
}
