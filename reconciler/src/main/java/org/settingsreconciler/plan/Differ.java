package org.settingsreconciler.plan;

import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resolve.NameReference;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.state.CurrentState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares the desired state with what was read and plans the fewest requests: PATCH for objects that differ,
 * POST for collection items the tenant lacks, DELETE (or the resource's reset) for items only the tenant has, and
 * only where the YAML switches pruning on. A resource that could not be read gets a {@link ReadFailure} and no
 * change.
 */
public final class Differ {

  private static final Comparator<Change> ORDER =
      Comparator.comparingInt((Change c) -> ResourceRegistry.order(c.resource().descriptor()))
          .thenComparing(Change::address)
          .thenComparingInt(Differ::rankInItem);

  /**
   * The order of one item's changes, which apply sends one after the other: a create first; a reset that must
   * precede a delete of the same item (see PruneRule) before the delete. Actions that take something away (a block)
   * go before the PATCH, the others (reassign, unblock) after it, in the order the descriptor lists them: an agent
   * is shut before anything else of it changes, and opened only once its access lists and owner are as desired.
   */
  static int rankInItem(Change c) {
    if (c instanceof Create) {
      return 0;
    }
    if (c instanceof Invoke i) {
      return (i.spec().destructive() != null ? 1 : 101) + actionIndex(i);
    }
    return c instanceof Update ? 100 : 200;
  }

  private static int actionIndex(Invoke i) {
    return i.resource().descriptor().actions().indexOf(i.spec());
  }

  private final VersionChoice versions;
  private final Supplier<String> organization;

  /** A differ for a run whose Graph root has no version: each change's path under its resource's own version. */
  public Differ() {
    this(VersionChoice.EACH_RESOURCE);
  }

  /** A differ whose changes go to the versions {@code versions} chooses (the run's Graph root says which). */
  public Differ(VersionChoice versions) {
    this(versions, () -> null);
  }

  /**
   * As {@link #Differ(VersionChoice)}, with the tenant's organization id from {@code organization} for the paths of
   * the resources under the organization object (the id their reads used, see StateReader#organizationId).
   */
  public Differ(VersionChoice versions, Supplier<String> organization) {
    this.versions = versions;
    this.organization = organization;
  }

  public Plan diff(DesiredState desired, CurrentState current) {
    return start(desired).finish(current);
  }

  /** As {@link #diff(DesiredState, CurrentState)}, holding back the creates an earlier apply sent moments ago. */
  public Plan diff(DesiredState desired, CurrentState current, RecentCreates recent) {
    return start(desired, recent).finish(current);
  }

  /**
   * A diff to feed as reads arrive ({@link DiffInProgress} is the listener of a {@link CurrentState}), so the
   * comparing is done while later round trips are still on the wire.
   */
  public DiffInProgress start(DesiredState desired) {
    return start(desired, RecentCreates.NONE);
  }

  /** As {@link #start(DesiredState)}, holding back the creates {@code recent} says were sent moments ago. */
  public DiffInProgress start(DesiredState desired, RecentCreates recent) {
    NameReference.requireNone(desired);
    return new DiffInProgress(desired, recent, versions, organization);
  }

  /** Plans one object (a singleton or fixed id) against what was read of it, null for not read at all. */
  static void diffObject(DesiredResource r, GraphResult<JsonNode> read, VersionChoice versions,
      Supplier<String> organization, Part out) {
    if (read == null || !read.ok()) {
      out.failures.add(new ReadFailure(r.address(), read == null ? null : read.error()));
      return;
    }
    // A catalog's item is written by the id its read answered (see ResourceId.objectPath); other objects' ids are
    // their paths already.
    String graphId = r.id().descriptor().shape() == Shape.CATALOG ? r.id().descriptor().key().graphIdOf(read.value())
        : null;
    List<Change> item = itemChanges(r, read.value(), null,
        () -> r.id().objectPath(versions, graphId, organization));
    if (item.isEmpty()) {
      out.inSync.add(r.address());
    } else {
      out.describe(r.id(), read.value());
    }
    out.changes.addAll(item);
  }

  /**
   * What brings one object the tenant has to its desired state: the PATCH of what differs (see {@link
   * PatchBuilder}), and an action for each property the descriptor sets by one ({@link
   * org.settingsreconciler.resource.BoundAction}); none when nothing differs.
   *
   * @param path the object's Graph path, asked for only when something differs
   */
  static List<Change> itemChanges(DesiredResource r, JsonNode current, PropertyChange keyRename,
      java.util.function.Supplier<String> path) {
    List<Change> out = new ArrayList<>();
    var patch = PatchBuilder.build(r, current, keyRename);
    patch.ifPresent(p -> out.add(
        new Update(r.id(), path.get(), p.body(), p.before(), p.changes(), null, List.of(), p.resentOrigins())));
    out.addAll(ActionPlanner.invokes(r, current, path));
    return out;
  }

  /** What one object or collection adds to the plan. */
  static final class Part {
    final List<Change> changes = new ArrayList<>();
    final List<ReadFailure> failures = new ArrayList<>();
    final List<String> inSync = new ArrayList<>();
    final List<Duplicate> duplicates = new ArrayList<>();
    final List<PendingCreate> pending = new ArrayList<>();
    final Map<String, ObjectNode> descriptions = new HashMap<>();

    /** Keeps what the tenant calls a changed item, where its descriptor says (see ResourceDescriptor.describedBy). */
    void describe(ResourceId id, JsonNode item) {
      ObjectNode d = id.descriptor().description(item);
      if (d != null) {
        descriptions.put(id.address(), d);
      }
    }
  }

  /** Plans one collection against what was read of it, null for not read at all. */
  static void diffCollection(CollectionScope scope, List<DesiredResource> wanted, GraphResult<List<JsonNode>> read,
      RecentCreates recent, VersionChoice versions, Part out) {
    if (read == null || !read.ok()) {
      out.failures.add(new ReadFailure(scope.address(), read == null ? null : read.error()));
      return;
    }
    if (scope.descriptor().shape() == Shape.CATALOG) {
      AllowListPlanner.plan(scope, wanted, read.value(), versions, out);
      return;
    }
    diffCollection(scope, wanted, read.value(), recent, versions, out);
  }

  /** The desired items of every collection, by scope address: one pass, so thousands of users stay linear. */
  static Map<String, List<DesiredResource>> itemsByScope(DesiredState desired) {
    Map<String, List<DesiredResource>> out = new HashMap<>();
    for (DesiredResource r : desired.resources()) {
      Shape shape = r.id().descriptor().shape();
      if (shape == Shape.COLLECTION || shape == Shape.CATALOG) {
        out.computeIfAbsent(r.id().scopeAddress(), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  /** Sorts by {@link #ORDER}, working out each change's address once rather than at every comparison. */
  static List<Change> sorted(List<Change> changes) {
    Map<Change, String> addresses = new IdentityHashMap<>();
    changes.forEach(c -> addresses.put(c, c.address()));
    changes.sort(Comparator.comparingInt((Change c) -> ResourceRegistry.order(c.resource().descriptor()))
        .thenComparing(addresses::get)
        .thenComparing(ORDER));
    return changes;
  }

  /**
   * Plans one collection. Items are matched by key the way the key compares; where the tenant holds a key more than
   * once, the first copy Graph lists is the one matched, and the duplicate is reported (never collapsed silently).
   */
  private static void diffCollection(
      CollectionScope scope, List<DesiredResource> wanted, List<JsonNode> items, RecentCreates recent,
      VersionChoice versions, Part out) {
    ResourceDescriptor d = scope.descriptor();
    CollectionKey key = d.key();
    Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
    for (JsonNode item : items) {
      if (key.keyOf(item) == null) {
        // No key (an interest without a displayName): YAML cannot name it, so it is never matched or pruned.
        continue;
      }
      byKey.computeIfAbsent(key.matchForm(key.keyOf(item)), k -> new ArrayList<>(1)).add(item);
    }
    Map<String, DesiredResource> named = new LinkedHashMap<>();
    for (DesiredResource r : wanted) {
      named.putIfAbsent(key.matchForm(r.id().key()), r);
    }
    List<JsonNode> extra = new ArrayList<>();
    byKey.forEach((form, copies) -> {
      DesiredResource r = named.get(form);
      if (copies.size() > 1) {
        out.duplicates.add(duplicate(scope, r, copies, versions));
      }
      // Without a YAML entry every copy is extra; with one, every copy after the first Graph lists.
      extra.addAll(r == null ? copies : copies.subList(1, copies.size()));
    });
    for (DesiredResource r : wanted) {
      List<JsonNode> copies = byKey.get(key.matchForm(r.id().key()));
      if (copies == null) {
        Create c = create(r, versions);
        recent.heldBack(c).ifPresentOrElse(out.pending::add, () -> out.changes.add(c));
        continue;
      }
      JsonNode item = copies.get(0);
      // The path only for items that change: most items of a large tenant are in sync, and a path is not free.
      List<Change> changes = itemChanges(r, item, keyRename(key, item, r),
          () -> r.id().objectPath(versions, key.graphIdOf(item)));
      if (changes.isEmpty()) {
        out.inSync.add(r.address());
      } else {
        out.describe(r.id(), item);
      }
      out.changes.addAll(changes);
    }
    if (scope.prune()) {
      for (JsonNode item : extra) {
        List<Change> pruned = prune(scope, item, versions);
        if (pruned.isEmpty()) {
          out.inSync.add(new ResourceId(d, scope.user(), key.keyOf(item)).address());
        }
        out.changes.addAll(pruned);
      }
    }
  }

  private static Duplicate duplicate(CollectionScope scope, DesiredResource named, List<JsonNode> copies,
      VersionChoice versions) {
    CollectionKey key = scope.descriptor().key();
    ResourceId id = named != null ? named.id()
        : new ResourceId(scope.descriptor(), scope.user(), key.keyOf(copies.get(0)));
    List<String> ids = copies.stream().map(key::graphIdOf).toList();
    List<String> paths = ids.stream().map(i -> id.objectPath(versions, i)).toList();
    return new Duplicate(id, ids, paths, named != null, scope.prune());
  }

  private static Create create(DesiredResource r, VersionChoice versions) {
    ResourceDescriptor d = r.id().descriptor();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    d.key().writeInto(body, r.id().key());
    List<PropertyChange> props = new ArrayList<>();
    // A null is what Graph stores untold, so a create leaves it out; but not when the body would be empty, as for
    // the keyless item (sourcePrecedence: {displayName: null}): Graph creates nothing from an empty body.
    boolean onlyNulls = body.isEmpty() && d.properties().stream()
        .map(p -> r.properties().get(p.name())).allMatch(v -> v == null || v.isNull());
    for (PropertySpec p : d.properties()) {
      JsonNode value = r.properties().get(p.name());
      if (value != null && (!value.isNull() || onlyNulls)) {
        body.set(p.name(), value);
        props.add(new PropertyChange(p.name(), null, value, r.propertyLocations().get(p.name()), r.origin(p.name())));
      } else if (value == null && p.onCreate() != null) {
        // Left out of the YAML, but the create needs it: the tool's choice, so it has no location.
        JsonNode filled = p.onCreate().deepCopy();
        body.set(p.name(), filled);
        props.add(new PropertyChange(p.name(), null, filled, null));
      }
    }
    if (body.isEmpty() && d.key().isEmptyKey(r.id().key())) {
      // The nameless item said only that it has no name (displayName: null, which the key holds, not the values):
      // its create says so, rather than send the empty body Graph refuses.
      body.putNull(d.key().property());
    }
    return new Create(r.id(), r.id().basePath(versions), body, props);
  }

  /** Graph matches the key ignoring case, but a different spelling is still a change of the name users see. */
  private static PropertyChange keyRename(CollectionKey key, JsonNode item, DesiredResource r) {
    String desiredKey = r.id().key();
    if (key.idIsKey() || key.isEmptyKey(desiredKey) || key.keyOf(item).equals(desiredKey)) {
      return null;
    }
    // The new spelling is the YAML key itself, so that is where it was written.
    return new PropertyChange(
        key.property(), item.get(key.property()), JsonNodeFactory.instance.stringNode(desiredKey), r.location());
  }

  /** Why pruning resets a tenant-only item, as plans show it. */
  private static final ItemRemoval.Reasons PRUNE = new ItemRemoval.Reasons(
      "not in the YAML; Graph deletes it only after this reset",
      "not in the YAML; pruning resets it, as it must never be deleted");

  /** The changes pruning plans for one tenant-only item: a reset, a delete, or a reset then a delete. */
  private static List<Change> prune(CollectionScope scope, JsonNode item, VersionChoice versions) {
    ResourceDescriptor d = scope.descriptor();
    ResourceId id = new ResourceId(d, scope.user(), d.key().keyOf(item));
    return ItemRemoval.of(id, id.objectPath(versions, d.key().graphIdOf(item)), item, PRUNE);
  }

  /** What a delete removes: the item's id, key and managed properties, kept in plans so a reviewer sees it. */
  static ObjectNode snapshot(ResourceDescriptor d, JsonNode item) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (item.has("id")) {
      out.set("id", item.get("id"));
    }
    for (String keyProperty : d.key().properties()) {
      if (item.has(keyProperty)) {
        out.set(keyProperty, item.get(keyProperty));
      }
    }
    for (PropertySpec p : d.properties()) {
      if (item.has(p.name())) {
        out.set(p.name(), item.get(p.name()));
      }
    }
    return out;
  }
}
