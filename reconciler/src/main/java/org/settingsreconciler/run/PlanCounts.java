package org.settingsreconciler.run;

import java.util.List;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Plan;

/**
 * A plan in numbers, as a fleet's summary shows each tenant's: its changes by action (actions invoked, such as an
 * agent's block, are changes too), and the settings that could not be read (which the plan therefore says nothing
 * about).
 */
public record PlanCounts(long create, long update, long delete, long invoke, int unknown) {

  public static PlanCounts of(Plan plan) {
    return of(plan.changes(), plan.failures().size());
  }

  /** The counts of {@code changes}, with {@code unknown} settings that could not be read. */
  public static PlanCounts of(List<Change> changes, int unknown) {
    return new PlanCounts(count(changes, "create"), count(changes, "update"), count(changes, "delete"),
        count(changes, "invoke"), unknown);
  }

  private static long count(List<Change> changes, String action) {
    return changes.stream().filter(c -> c.action().equals(action)).count();
  }
}
