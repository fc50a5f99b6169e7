package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.resource.AddressParser;
import org.settingsreconciler.resource.ResourceRegistry;

/**
 * The changes that would bring the tenant to the desired state, in a fixed order (registry order, then address),
 * every read that failed, and every managed object already as desired.
 *
 * @param inSync addresses of the managed objects that need no change
 */
public record Plan(List<Change> changes, List<ReadFailure> failures, List<String> inSync) {

  public Plan {
    changes = List.copyOf(changes);
    failures = List.copyOf(failures);
    inSync = List.copyOf(inSync);
  }

  public long count(String action) {
    return changes.stream().filter(c -> c.action().equals(action)).count();
  }

  public int unchanged() {
    return inSync.size();
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /** Every managed setting once, in sync, drifted or unknown, in plan order. */
  public List<SettingStatus> statuses() {
    Map<String, List<Change>> drifted = new LinkedHashMap<>();
    changes.forEach(c -> drifted.computeIfAbsent(c.address(), a -> new ArrayList<>()).add(c));
    List<SettingStatus> out = new ArrayList<>();
    inSync.forEach(a -> out.add(new SettingStatus(a, SettingStatus.State.IN_SYNC, List.of(), null)));
    drifted.forEach((a, cs) -> out.add(new SettingStatus(a, SettingStatus.State.DRIFTED, cs, null)));
    failures.forEach(f -> out.add(new SettingStatus(f.address(), SettingStatus.State.UNKNOWN, List.of(), f.error())));
    out.sort(
        Comparator.comparingInt((SettingStatus s) -> ResourceRegistry.order(AddressParser.typeOf(s.address())))
            .thenComparing(SettingStatus::address));
    return out;
  }
}
