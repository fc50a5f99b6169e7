package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;

/**
 * {@code --target ADDRESS}: limits a run to the settings within one of the targets (see {@link Target}), like
 * Terraform's -target. Only what is targeted is read, planned and written; pruning deletes only targeted items. A
 * target that matches nothing is a mistake the run stops for, with the addresses nearby.
 */
public record Targets(List<Target> targets) {

  public static final Targets ALL = new Targets(List.of());

  public Targets {
    targets = List.copyOf(targets);
  }

  public boolean all() {
    return targets.isEmpty();
  }

  public boolean matches(String address) {
    return all() || targets.stream().anyMatch(t -> t.matches(address));
  }

  /** Whether any targeted setting lies in this collection, so the collection must be read. */
  private boolean touches(String scopeAddress) {
    return all() || targets.stream().anyMatch(t -> t.touches(scopeAddress));
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
        plan.pending().stream().filter(p -> matches(p.address())).toList(),
        plan.descriptions());
  }

  /**
   * Why targets match nothing before anything is read, one line each, or empty when they all may match: only what
   * the desired state names is read, so a target outside it (no setting within it, no collection holding it)
   * cannot match anything the tenant has either.
   */
  public List<String> unmatched(DesiredState state) {
    List<String> out = new ArrayList<>();
    for (Target t : targets) {
      boolean possible = state.resources().stream().anyMatch(r -> t.matches(r.address()))
          || state.collections().stream().anyMatch(c -> t.touches(c.address()));
      if (!possible) {
        out.add("--target " + t + " matches nothing in the desired state" + new NearbyAddresses(known(state, null))
            .around(t));
      }
    }
    return out;
  }

  /**
   * Why targets match nothing once the tenant is read, one line each, or empty: nothing in the desired state, and
   * nothing the plan of the tenant as read has (an item only in the tenant, which pruning deletes, is a match; one
   * in a collection that could not be read may be, so it counts as one).
   *
   * @param plan the plan of the narrowed desired state, before it is narrowed itself
   */
  public List<String> unmatched(DesiredState state, Plan plan) {
    List<String> out = new ArrayList<>();
    for (Target t : targets) {
      boolean found = state.resources().stream().anyMatch(r -> t.matches(r.address()))
          || plan.changes().stream().anyMatch(c -> t.matches(c.address()))
          || plan.inSync().stream().anyMatch(t::matches)
          || plan.failures().stream().anyMatch(f -> t.touches(f.address()));
      if (!found) {
        out.add("--target " + t + " matches nothing in the desired state or the tenant"
            + new NearbyAddresses(known(state, plan)).around(t));
      }
    }
    return out;
  }

  /** Every address the desired state and (when given) the plan of the tenant name. */
  private static List<String> known(DesiredState state, Plan plan) {
    List<String> out = new ArrayList<>();
    state.resources().stream().map(DesiredResource::address).forEach(out::add);
    state.collections().stream().map(CollectionScope::address).forEach(out::add);
    if (plan != null) {
      plan.changes().forEach(c -> out.add(c.address()));
      out.addAll(plan.inSync());
      plan.failures().forEach(f -> out.add(f.address()));
    }
    return out;
  }
}
