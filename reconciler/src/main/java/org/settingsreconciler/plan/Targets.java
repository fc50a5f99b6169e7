package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.Reference;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.defs.ResourceRegistry;

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

  /**
   * The desired state within the targets, and the items its values name (see {@link Reference}): a targeted
   * precedence list that names a source the YAML adds is planned with that source's create, so that the plan can say
   * the targets leave it out ({@link #leftOutDependencies}) rather than that the source exists nowhere. Such an item's
   * collection comes without its prune switch: nothing untargeted is deleted.
   */
  public DesiredState narrow(DesiredState state) {
    if (all()) {
      return state;
    }
    List<DesiredResource> kept = state.resources().stream().filter(r -> matches(r.address())).toList();
    Set<String> named = new HashSet<>();
    for (DesiredResource r : kept) {
      for (Reference ref : r.id().descriptor().references()) {
        ResourceDescriptor to = ResourceRegistry.byType(ref.targetType()).orElseThrow();
        ref.keysIn(r.properties().get(ref.property()))
            .forEach(k -> named.add(to.type() + "\n" + to.key().matchForm(k)));
      }
    }
    Predicate<DesiredResource> isNamed = r -> r.id().descriptor().shape() == Shape.COLLECTION
        && named.contains(r.id().descriptor().type() + "\n" + r.id().descriptor().key().matchForm(r.id().key()));
    List<DesiredResource> resources = state.resources().stream()
        .filter(r -> matches(r.address()) || isNamed.test(r)).toList();
    List<CollectionScope> collections = new ArrayList<>();
    for (CollectionScope c : state.collections()) {
      if (touches(c.address())) {
        collections.add(c);
      } else if (resources.stream().anyMatch(r -> isNamed.test(r) && r.id().scopeAddress().equals(c.address()))) {
        collections.add(new CollectionScope(c.descriptor(), c.user(), false, c.location()));
      }
    }
    return new DesiredState(resources, collections, state.userKeys());
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

  /**
   * Why the targets cannot be planned alone, one line each, or empty: a targeted change depends on a change the
   * targets leave out (a precedence list naming a source the run would create first, a source deleted only after a
   * list stops naming it), and without it the targeted one would name what does not exist.
   *
   * @param plan the plan of the narrowed desired state, before it is narrowed itself
   */
  public List<String> leftOutDependencies(Plan plan) {
    if (all()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Change c : plan.changes()) {
      if (matches(c.address())) {
        c.dependsOn().stream().filter(a -> !matches(a))
            .map(a -> c.address() + " depends on " + a + ", which the targets leave out: add --target " + a)
            .filter(line -> !out.contains(line))
            .forEach(out::add);
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
