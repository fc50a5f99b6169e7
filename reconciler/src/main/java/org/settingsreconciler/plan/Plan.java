package org.settingsreconciler.plan;

import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.resource.defs.AddressParser;
import org.settingsreconciler.resource.defs.ResourceRegistry;

/**
 * The changes that would bring the tenant to the desired state, in a fixed order (registry order, then address, each
 * moved after the changes it depends on: see {@link Dependencies}),
 * every read that failed, every managed object already as desired, and what the tenant holds that no change can
 * show: items in it more than once, and creates not sent again because an earlier apply sent them moments ago.
 *
 * @param inSync addresses of the managed objects that need no change
 * @param duplicates items the tenant holds more than once (see {@link Duplicate}), in plan order
 * @param pending creates held back because an earlier apply sent them and Graph does not show them yet
 * @param descriptions what the tenant calls the items the changes are of, by address, where their descriptor says
 *     (see {@code ResourceDescriptor.describedBy}: an agent's displayName and publisher)
 */
public record Plan(
    List<Change> changes,
    List<ReadFailure> failures,
    List<String> inSync,
    List<Duplicate> duplicates,
    List<PendingCreate> pending,
    Map<String, ObjectNode> descriptions) {

  public Plan {
    changes = List.copyOf(changes);
    failures = List.copyOf(failures);
    inSync = List.copyOf(inSync);
    duplicates = List.copyOf(duplicates);
    pending = List.copyOf(pending);
    descriptions = Map.copyOf(descriptions);
  }

  public Plan(List<Change> changes, List<ReadFailure> failures, List<String> inSync, List<Duplicate> duplicates,
      List<PendingCreate> pending) {
    this(changes, failures, inSync, duplicates, pending, Map.of());
  }

  public Plan(List<Change> changes, List<ReadFailure> failures, List<String> inSync) {
    this(changes, failures, inSync, List.of(), List.of());
  }

  /** What the tenant calls the item at {@code address}, where its descriptor says; null otherwise. */
  public ObjectNode description(String address) {
    return descriptions.get(address);
  }

  /** {@link #description} as every plan format words it ({@code displayName "X", publisher "Y"}), or null. */
  public String describe(String address) {
    ObjectNode d = descriptions.get(address);
    return d == null ? null : org.settingsreconciler.resource.ResourceDescriptor.descriptionText(d);
  }

  /** Whether the plan has something to say beyond its changes: duplicates or held-back creates. */
  public boolean hasWarnings() {
    return !duplicates.isEmpty() || !pending.isEmpty();
  }

  /**
   * Whether the tenant differs from the desired state: a change is planned, or an item the YAML names (or a pruned
   * collection holds) is in the tenant more than once. What check exits 2 for.
   */
  public boolean drifted() {
    return hasChanges() || duplicates.stream().anyMatch(Duplicate::drift);
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
