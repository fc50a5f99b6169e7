package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.plan.Plan;
import tools.jackson.databind.JsonNode;

/**
 * What one tenant's run of a fleet left: its exit code, what it printed, the counts of its plan (null when no plan
 * was made: invalid YAML, validate, a tenant that could not be read) and the JSON it printed, if any.
 */
record TenantOutcome(String name, String tenantId, int exit, String out, String err, Counts counts, JsonNode json) {

  /** The same outcome with what the tenant printed, once its run is over. */
  TenantOutcome withOutput(String out, String err) {
    return new TenantOutcome(name, tenantId, exit, out, err, counts, json);
  }

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
