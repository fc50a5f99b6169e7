package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resolve.GroupReference;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.PruneRule;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.ResourceRegistry;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.state.CollectionRead;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.ObjectRead;
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
          // A reset that must precede a delete of the same item (see PruneRule) runs first.
          .thenComparingInt((Change c) -> List.of("create", "update", "delete").indexOf(c.action()));

  public Plan diff(DesiredState desired, CurrentState current) {
    return start(desired).finish(current);
  }

  /**
   * A diff to feed as reads arrive ({@link DiffInProgress} is the listener of a {@link CurrentState}), so the
   * comparing is done while later round trips are still on the wire.
   */
  public DiffInProgress start(DesiredState desired) {
    GroupReference.requireNone(desired);
    return new DiffInProgress(desired);
  }

  /** Plans one object (a singleton or fixed id) against what was read of it, null for not read at all. */
  static void diffObject(DesiredResource r, ObjectRead read, List<Change> changes, List<ReadFailure> failures,
      List<String> inSync) {
    if (read == null || !read.ok()) {
      failures.add(new ReadFailure(r.address(), read == null ? null : read.error()));
      return;
    }
    var patch = PatchBuilder.build(r, read.object(), null);
    if (patch.isPresent()) {
      var p = patch.get();
      changes.add(new Update(r.id(), r.id().objectPath(null), p.body(), p.before(), p.changes(), null));
    } else {
      inSync.add(r.address());
    }
  }

  /** Plans one collection against what was read of it, null for not read at all. */
  static void diffCollection(CollectionScope scope, List<DesiredResource> wanted, CollectionRead read,
      List<Change> changes, List<ReadFailure> failures, List<String> inSync) {
    if (read == null || !read.ok()) {
      failures.add(new ReadFailure(scope.address(), read == null ? null : read.error()));
      return;
    }
    diffCollection(scope, wanted, read.items(), changes, inSync);
  }

  /** The desired items of every collection, by scope address: one pass, so thousands of users stay linear. */
  static Map<String, List<DesiredResource>> itemsByScope(DesiredState desired) {
    Map<String, List<DesiredResource>> out = new HashMap<>();
    for (DesiredResource r : desired.resources()) {
      if (r.id().descriptor().shape() == Shape.COLLECTION) {
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

  /** Plans one collection, adding to {@code changes} and to {@code inSync} (items already as desired). */
  private static void diffCollection(
      CollectionScope scope,
      List<DesiredResource> wanted,
      List<JsonNode> items,
      List<Change> changes,
      List<String> inSync) {
    ResourceDescriptor d = scope.descriptor();
    CollectionKey key = d.key();
    Map<String, JsonNode> unmatched = new LinkedHashMap<>();
    List<JsonNode> duplicates = new ArrayList<>();
    for (JsonNode item : items) {
      if (key.keyOf(item) == null) {
        // No key (an interest without a displayName): YAML cannot name it, so it is never matched or pruned.
        continue;
      }
      if (unmatched.putIfAbsent(key.matchForm(key.keyOf(item)), item) != null) {
        duplicates.add(item);
      }
    }
    for (DesiredResource r : wanted) {
      JsonNode item = unmatched.remove(key.matchForm(r.id().key()));
      if (item == null) {
        changes.add(create(r));
        continue;
      }
      var patch = PatchBuilder.build(r, item, keyRename(key, item, r));
      if (patch.isPresent()) {
        var p = patch.get();
        // The path only for items that change: most items of a large tenant are in sync, and a path is not free.
        String path = r.id().objectPath(key.graphIdOf(item));
        changes.add(new Update(r.id(), path, p.body(), p.before(), p.changes(), null));
      } else {
        inSync.add(r.address());
      }
    }
    if (scope.prune()) {
      List<JsonNode> extra = new ArrayList<>(unmatched.values());
      extra.addAll(duplicates);
      for (JsonNode item : extra) {
        List<Change> pruned = prune(scope, item);
        if (pruned.isEmpty()) {
          inSync.add(new ResourceId(d, scope.user(), key.keyOf(item)).address());
        }
        changes.addAll(pruned);
      }
    }
  }

  private static Create create(DesiredResource r) {
    ResourceDescriptor d = r.id().descriptor();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    d.key().writeInto(body, r.id().key());
    List<PropertyChange> props = new ArrayList<>();
    for (PropertySpec p : d.properties()) {
      JsonNode value = r.properties().get(p.name());
      if (value != null && !value.isNull()) {
        body.set(p.name(), value);
        props.add(new PropertyChange(p.name(), null, value, r.propertyLocations().get(p.name()), r.origin(p.name())));
      }
    }
    return new Create(r.id(), r.id().basePath(), body, props);
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

  /** The changes pruning plans for one tenant-only item: a reset, a delete, or a reset then a delete. */
  private static List<Change> prune(CollectionScope scope, JsonNode item) {
    ResourceDescriptor d = scope.descriptor();
    ResourceId id = new ResourceId(d, scope.user(), d.key().keyOf(item));
    String path = id.objectPath(d.key().graphIdOf(item));
    PruneRule.Decision decision = d.pruneRule().decide(item);
    List<Change> out = new ArrayList<>();
    ObjectNode reset = decision.resetBody();
    if (reset != null && !reset.isEmpty()) {
      List<PropertyChange> props = new ArrayList<>();
      reset.properties().forEach(e -> props.add(new PropertyChange(e.getKey(), item.get(e.getKey()), e.getValue(), null)));
      String reason = decision.delete()
          ? "not in the YAML; Graph deletes it only after this reset"
          : "not in the YAML; pruning resets it, as it must never be deleted";
      out.add(new Update(id, path, reset, PatchBuilder.beforeOf(reset, item), props, reason));
    }
    if (decision.delete()) {
      out.add(new Delete(id, path, snapshot(d, item)));
    }
    return out;
  }

  /** What a delete removes: the item's id, key and managed properties, kept in plans so a reviewer sees it. */
  static ObjectNode snapshot(ResourceDescriptor d, JsonNode item) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (item.has("id")) {
      out.set("id", item.get("id"));
    }
    if (item.has(d.key().property())) {
      out.set(d.key().property(), item.get(d.key().property()));
    }
    for (PropertySpec p : d.properties()) {
      if (item.has(p.name())) {
        out.set(p.name(), item.get(p.name()));
      }
    }
    return out;
  }
}
