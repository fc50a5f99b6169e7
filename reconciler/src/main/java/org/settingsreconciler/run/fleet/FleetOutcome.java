package org.settingsreconciler.run.fleet;

import java.util.List;
import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.RunOutcome;

/**
 * How a fleet ended: every tenant's outcome in the order given, and the fleet's exit code, the worst of theirs.
 */
public record FleetOutcome<O extends RunOutcome>(List<TenantOutcome<O>> tenants, int exit) implements RunOutcome {

  public FleetOutcome {
    tenants = List.copyOf(tenants);
  }

  static <O extends RunOutcome> FleetOutcome<O> of(List<TenantOutcome<O>> tenants) {
    return new FleetOutcome<>(tenants, ExitCode.worst(tenants.stream().map(TenantOutcome::exit).toList()));
  }
}
