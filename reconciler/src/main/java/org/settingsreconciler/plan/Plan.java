package org.settingsreconciler.plan;

import java.util.List;

/**
 * The changes that would bring the tenant to the desired state, in a fixed order (registry order, then address),
 * plus every read that failed.
 *
 * @param unchanged managed objects already as desired
 */
public record Plan(List<Change> changes, List<ReadFailure> failures, int unchanged) {

  public Plan {
    changes = List.copyOf(changes);
    failures = List.copyOf(failures);
  }

  public long count(String action) {
    return changes.stream().filter(c -> c.action().equals(action)).count();
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  public boolean hasFailures() {
    return !failures.isEmpty();
  }
}
