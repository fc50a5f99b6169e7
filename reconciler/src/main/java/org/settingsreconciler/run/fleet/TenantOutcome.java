package org.settingsreconciler.run.fleet;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.PlanCounts;
import org.settingsreconciler.run.RunOutcome;

/**
 * How one tenant of a fleet ended.
 *
 * @param name the tenant's name (its directory's)
 * @param tenantId its tenant id, or null when its tenant.yaml is invalid
 * @param outcome its command's outcome, or null when it stopped with an error before it had one (an invalid
 *     tenant.yaml, missing credentials, an error its command stopped with)
 */
public record TenantOutcome<O extends RunOutcome>(String name, String tenantId, O outcome) implements RunOutcome {

  @Override
  public int exit() {
    return outcome == null ? ExitCode.ERROR : outcome.exit();
  }

  @Override
  public PlanCounts counts() {
    return outcome == null ? null : outcome.counts();
  }
}
