package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.graph.GraphResult;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.Reference;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;

/**
 * The dependencies between a plan's changes that the descriptors' references make (see {@link Reference}), as part of
 * the plan: a change whose value names an item the plan creates depends on that create, and a delete of an item
 * depends on every change that stops a value naming it. Each change carries them ({@link Change#dependsOn()}), the
 * plan lists changes in an order that respects them ({@link ChangeOrder}), and apply sends a change only after what
 * it depends on succeeded. Before any of that, a value of the YAML that names an item no one will have (neither the
 * YAML nor the tenant has it, or pruning deletes it) is refused where it is written; so is pruning an item a value
 * of the tenant still names.
 */
final class Dependencies {

  /** The plan's changes with their dependencies, in an order that respects them; and every read that failed. */
  record Linked(List<Change> changes, List<ReadFailure> failures) {}

  private Dependencies() {}

  /**
   * @param sorted the plan's changes in plan order
   * @param current the tenant as read, with the collections the references need (see state.ReferenceReads)
   * @param failures the reads that failed so far; one a reference needed is added
   * @throws UnresolvedReferencesException naming every value that names an item that will not exist
   */
  static Linked link(List<Change> sorted, DesiredState desired, CurrentState current, List<ReadFailure> failures) {
    Map<Change, Set<String>> after = new IdentityHashMap<>();
    List<ConfigError> errors = new ArrayList<>();
    List<ReadFailure> all = new ArrayList<>(failures);
    for (ResourceDescriptor from : ResourceRegistry.tenantScoped()) {
      for (Reference ref : from.references()) {
        new Judged(from, ref, sorted, desired, current, all).judge(after, errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new UnresolvedReferencesException(errors);
    }
    List<Change> linked = new ArrayList<>();
    for (Change c : sorted) {
      Set<String> on = after.get(c);
      if (on == null) {
        linked.add(c);
      } else {
        Set<String> merged = new LinkedHashSet<>(c.dependsOn());
        merged.addAll(on);
        linked.add(c.withDependsOn(List.copyOf(merged)));
      }
    }
    return new Linked(ChangeOrder.ordered(linked), all);
  }

  /** One reference of one resource type, judged against the plan, the desired state and the tenant. */
  private static final class Judged {
    private final ResourceDescriptor from;
    private final Reference ref;
    private final ResourceDescriptor to;
    private final CollectionKey key;
    private final List<Change> changes;
    private final DesiredState desired;
    private final CurrentState current;
    private final List<ReadFailure> failures;
    private final Map<String, Create> creates = new HashMap<>();
    private final Map<String, Delete> deletes = new HashMap<>();
    private final Set<String> inYaml = new HashSet<>();

    Judged(ResourceDescriptor from, Reference ref, List<Change> changes, DesiredState desired, CurrentState current,
        List<ReadFailure> failures) {
      this.from = from;
      this.ref = ref;
      this.to = ResourceRegistry.byType(ref.targetType()).orElseThrow();
      this.key = to.key();
      this.changes = changes;
      this.desired = desired;
      this.current = current;
      this.failures = failures;
      for (Change c : changes) {
        if (c.resource().descriptor() == to && c instanceof Create cr) {
          creates.put(key.matchForm(c.resource().key()), cr);
        } else if (c.resource().descriptor() == to && c instanceof Delete d) {
          deletes.put(key.matchForm(c.resource().key()), d);
        }
      }
      for (DesiredResource r : desired.resources()) {
        if (r.id().descriptor() == to) {
          inYaml.add(key.matchForm(r.id().key()));
        }
      }
      // An item the YAML keeps stays, whatever extra copies of it pruning deletes (a duplicate in the tenant).
      deletes.keySet().removeAll(inYaml);
    }

    void judge(Map<Change, Set<String>> after, List<ConfigError> errors) {
      Set<String> inTenant = keysInTenant();
      Set<String> written = new HashSet<>();
      for (Change c : changes) {
        if (c.resource().descriptor() == from && c.body() != null && c.body().has(ref.property())) {
          written.add(c.address());
        }
      }
      for (DesiredResource r : desired.resources()) {
        if (r.id().descriptor() == from && r.properties().has(ref.property())) {
          for (Reference.Named n : ref.namedIn(r.properties().get(ref.property()))) {
            checkNamed(r, n, written.contains(r.address()), inTenant, errors);
          }
        }
      }
      for (Change c : changes) {
        if (c.resource().descriptor() == from && c.body() != null) {
          for (String k : ref.keysIn(c.body().get(ref.property()))) {
            Create create = creates.get(key.matchForm(k));
            if (create != null) {
              after.computeIfAbsent(c, x -> new LinkedHashSet<>()).add(create.address());
            }
          }
        }
      }
      if (deletes.isEmpty()) {
        return;
      }
      deletes.forEach((form, delete) -> {
        for (Change c : changes) {
          if (c.resource().descriptor() == from && c.before() != null && names(c.before().get(ref.property()), form)
              && !namesAfter(c, form)) {
            after.computeIfAbsent(delete, x -> new LinkedHashSet<>()).add(c.address());
          }
        }
      });
      checkTenantValues(errors);
    }

    /**
     * One value of the YAML: the item it names is built in, in the YAML, or in the tenant, and not deleted. A value
     * the tenant holds already and no change writes is not refused for naming nothing: the tenant is so now, and the
     * plan sends nothing that makes it so (an export of such a tenant plans to no changes); a delete of what it names
     * is refused all the same.
     *
     * @param written whether a change of the plan writes this value
     */
    private void checkNamed(DesiredResource r, Reference.Named n, boolean written, Set<String> inTenant,
        List<ConfigError> errors) {
      String form = key.matchForm(n.key());
      String named = new ResourceId(to, null, n.key()).address();
      String where = n.index() < 0 ? ref.property() : DesiredResource.itemOf(ref.property(), n.index());
      Location at = r.propertyLocations().getOrDefault(where, r.propertyLocations().get(ref.property()));
      if (ref.builtIn().test(n.key())) {
        return;
      }
      if (deletes.containsKey(form)) {
        errors.add(new ConfigError(at, r.address() + "." + where, "names " + named + ", which pruning deletes ("
            + to.type() + " is pruned and the YAML does not list it): add it under " + to.type()
            + ", or take it out of this list"));
      } else if (written && !inYaml.contains(form) && inTenant != null && !inTenant.contains(form)) {
        errors.add(new ConfigError(at, r.address() + "." + where, "names " + named + ", which is neither in the YAML "
            + "nor in the tenant: add it under " + to.type() + " (keyed by its " + key.property()
            + "), or name one that exists"));
      }
    }

    /**
     * A value the tenant keeps (no change writes it, and the YAML does not set it) must not name an item pruning
     * deletes: said at the collection that is pruned.
     */
    private void checkTenantValues(List<ConfigError> errors) {
      String scope = ResourceId.scopeAddress(from, null);
      GraphResult<List<JsonNode>> read = current.collection(scope);
      if (read == null || !noteFailure(scope, read)) {
        return; // not read at all, or its failure is in the plan, which apply then refuses
      }
      Set<String> setInYaml = new HashSet<>();
      desired.resources().stream()
          .filter(r -> r.id().descriptor() == from && r.properties().has(ref.property()))
          .forEach(r -> setInYaml.add(from.key().matchForm(r.id().key())));
      for (JsonNode item : read.value()) {
        String itemKey = from.key().keyOf(item);
        if (itemKey != null && setInYaml.contains(from.key().matchForm(itemKey))) {
          continue; // judged as the YAML's value
        }
        JsonNode kept = keptValue(item);
        for (String k : ref.keysIn(kept)) {
          Delete delete = deletes.get(key.matchForm(k));
          if (delete != null) {
            String holder = itemKey == null ? "a " + from.title().toLowerCase(java.util.Locale.ROOT) + " the YAML "
                + "cannot name (id " + ResourceId.visible(item.path("id").asString()) + ")"
                : new ResourceId(from, null, itemKey).address();
            errors.add(new ConfigError(pruneLocation(), to.type(), "pruning deletes " + delete.address() + ", which "
                + holder + " still names in " + ref.property() + " (the tenant's value, which this run leaves as it "
                + "is): keep the source under " + to.type() + ", or change that " + ref.property()
                + " in this run (in the YAML, and in the targets if --target is given)"));
          }
        }
      }
    }

    /** What a tenant item's referencing value is after the plan: what a change writes, nothing once deleted. */
    private JsonNode keptValue(JsonNode item) {
      JsonNode value = item.get(ref.property());
      for (Change c : changes) {
        if (c.resource().descriptor() != from || !isAt(c, item)) {
          continue;
        }
        if (c instanceof Delete) {
          return null;
        }
        if (c.body() != null && c.body().has(ref.property())) {
          value = c.body().get(ref.property());
        }
      }
      return value;
    }

    /** Whether a change to an existing item goes to this item of the tenant. */
    private boolean isAt(Change c, JsonNode item) {
      if (c instanceof Create || (from.key().idIsKey() && from.key().keyOf(item) == null)) {
        return false;
      }
      return c.path().equals(c.resource().objectPath(c.version(), from.key().graphIdOf(item)));
    }

    private boolean names(JsonNode value, String form) {
      return ref.keysIn(value).stream().anyMatch(k -> key.matchForm(k).equals(form));
    }

    /** Whether the item a change writes still names the key once it is applied. */
    private boolean namesAfter(Change c, String form) {
      if (c instanceof Delete) {
        return false;
      }
      return !c.body().has(ref.property()) || names(c.body().get(ref.property()), form);
    }

    /** The keys of the tenant's items, or null when they are not known (not read, or the read failed). */
    private Set<String> keysInTenant() {
      String scope = ResourceId.scopeAddress(to, null);
      GraphResult<List<JsonNode>> read = current.collection(scope);
      boolean needed = desired.resources().stream()
          .anyMatch(r -> r.id().descriptor() == from && r.properties().has(ref.property()));
      if (read == null || !needed || !noteFailure(scope, read)) {
        return null;
      }
      Set<String> out = new HashSet<>();
      read.value().forEach(item -> {
        String k = key.keyOf(item);
        if (k != null) {
          out.add(key.matchForm(k));
        }
      });
      return out;
    }

    /** Whether a read succeeded; a failed one the plan does not report yet is added to its failures. */
    private boolean noteFailure(String scope, GraphResult<List<JsonNode>> read) {
      if (read.ok()) {
        return true;
      }
      if (failures.stream().noneMatch(f -> f.address().equals(scope))) {
        failures.add(new ReadFailure(scope, read.error()));
      }
      return false;
    }

    /** Where the YAML prunes the target collection: its key. */
    private Location pruneLocation() {
      return desired.collections().stream().filter(c -> c.descriptor() == to).map(CollectionScope::location)
          .findFirst().orElse(null);
    }
  }
}
