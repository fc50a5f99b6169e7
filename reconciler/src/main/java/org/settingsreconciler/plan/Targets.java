package org.settingsreconciler.plan;

import java.util.List;
import org.settingsreconciler.model.DesiredState;

/**
 * {@code --target ADDRESS}: limits a run to the settings whose address starts with one of the prefixes, like
 * Terraform's -target. Only what is targeted is read, planned and written; pruning deletes only targeted items.
 */
public record Targets(List<String> prefixes) {

  public static final Targets ALL = new Targets(List.of());

  public Targets {
    prefixes = List.copyOf(prefixes);
  }

  public boolean all() {
    return prefixes.isEmpty();
  }

  public boolean matches(String address) {
    return all() || prefixes.stream().anyMatch(address::startsWith);
  }

  /** Whether any targeted setting lies in this collection, so the collection must be read. */
  private boolean touches(String scopeAddress) {
    return matches(scopeAddress) || prefixes.stream().anyMatch(p -> p.startsWith(scopeAddress));
  }

  public DesiredState narrow(DesiredState state) {
    if (all()) {
      return state;
    }
    return new DesiredState(
        state.resources().stream().filter(r -> matches(r.address())).toList(),
        state.collections().stream().filter(c -> touches(c.address())).toList());
  }

  public Plan narrow(Plan plan) {
    if (all()) {
      return plan;
    }
    return new Plan(
        plan.changes().stream().filter(c -> matches(c.address())).toList(),
        plan.failures().stream().filter(f -> touches(f.address())).toList(),
        plan.inSync().stream().filter(this::matches).toList(),
        plan.duplicates().stream().filter(d -> matches(d.address())).toList(),
        plan.pending().stream().filter(p -> matches(p.address())).toList());
  }
}
