package org.settingsreconciler.cli;

import org.settingsreconciler.plan.Plan;

/**
 * What one tenant's run of a fleet left: its exit code, what it printed, and the counts of its plan (null when no
 * plan was made: invalid YAML, validate, a tenant that could not be read).
 */
record TenantOutcome(String name, String tenantId, int exit, String out, String err, Counts counts) {

  record Counts(long create, long update, long delete, int unknown) {
    static Counts of(Plan plan) {
      return plan == null ? null
          : new Counts(plan.count("create"), plan.count("update"), plan.count("delete"), plan.failures().size());
    }
  }

  /** How bad an exit code is, so the fleet exits with the worst: an error, then changes or drift, then none. */
  static int severity(int exit) {
    return exit == ExitCode.OK ? 0 : exit == ExitCode.CHANGES ? 1 : 2;
  }
}
