package org.settingsreconciler.plan;

import tools.jackson.databind.JsonNode;
import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.state.CurrentState;

/**
 * A diff made as the reads arrive rather than after the last one: each object and collection is compared when its
 * read ends, while later round trips are still on the wire, and {@link #finish} only assembles the plan. What each
 * contributes is kept in the desired state's order, whatever order the reads end in, so the plan is exactly the one
 * a diff of the complete read makes. Reads are recorded on one thread (the client's), so this needs no locking.
 */
public final class DiffInProgress implements CurrentState.Listener {


  private final List<DesiredResource> objects = new ArrayList<>();
  private final List<CollectionScope> scopes;
  private final Map<String, List<Integer>> objectsAt = new HashMap<>();
  private final Map<String, List<Integer>> scopesAt = new HashMap<>();
  private final Differ.Part[] objectParts;
  private final Differ.Part[] scopeParts;
  private final Map<String, List<DesiredResource>> items;
  private final RecentCreates recent;
  private final VersionChoice versions;
  private final Supplier<String> organization;
  private final DesiredState desired;
  /** The addresses of the users' objects and collections this diff compares as they arrive. */
  private final java.util.Set<String> userScoped = new java.util.HashSet<>();

  DiffInProgress(DesiredState desired, RecentCreates recent, VersionChoice versions, Supplier<String> organization) {
    this.desired = desired;
    this.recent = recent;
    this.versions = versions;
    this.organization = organization;
    for (DesiredResource r : desired.resources()) {
      if (r.id().descriptor().shape() != Shape.COLLECTION) {
        objectsAt.computeIfAbsent(r.address(), a -> new ArrayList<>()).add(objects.size());
        objects.add(r);
        if (r.id().user() != null) {
          userScoped.add(r.address());
        }
      }
    }
    scopes = desired.collections();
    for (int i = 0; i < scopes.size(); i++) {
      scopesAt.computeIfAbsent(scopes.get(i).address(), a -> new ArrayList<>()).add(i);
      if (scopes.get(i).user() != null) {
        userScoped.add(scopes.get(i).address());
      }
    }
    objectParts = new Differ.Part[objects.size()];
    scopeParts = new Differ.Part[scopes.size()];
    items = Differ.itemsByScope(desired);
  }

  /**
   * A user's reads are compared as they arrive and not kept: nothing after the diff needs them (the references that
   * {@link Dependencies} judges with the read state are the tenant's), so a plan of every user holds their changes,
   * not their state. The tenant's reads are kept.
   */
  @Override
  public boolean keeps(String address) {
    return !userScoped.contains(address);
  }

  @Override
  public void object(String address, GraphResult<JsonNode> read) {
    for (int i : objectsAt.getOrDefault(address, List.of())) {
      objectParts[i] = objectPart(objects.get(i), read);
    }
  }

  @Override
  public void collection(String scopeAddress, GraphResult<List<JsonNode>> read) {
    for (int i : scopesAt.getOrDefault(scopeAddress, List.of())) {
      scopeParts[i] = scopePart(scopes.get(i), read);
    }
  }

  /**
   * The plan. Whatever has not been heard of is compared with {@code current} now; what {@code current} lacks
   * too was not read, and is a read failure. The changes carry their dependencies and are listed in an order that
   * respects them (see {@link Dependencies}).
   *
   * @throws UnresolvedReferencesException when a value names an item that will not exist
   */
  public Plan finish(CurrentState current) {
    Differ.Part all = new Differ.Part();
    for (int i = 0; i < objectParts.length; i++) {
      DesiredResource r = objects.get(i);
      Differ.Part p = objectParts[i] != null ? objectParts[i] : objectPart(r, current.object(r.address()));
      add(p, all);
    }
    for (int i = 0; i < scopeParts.length; i++) {
      CollectionScope scope = scopes.get(i);
      Differ.Part p = scopeParts[i] != null ? scopeParts[i] : scopePart(scope, current.collection(scope.address()));
      add(p, all);
    }
    Dependencies.Linked linked = Dependencies.link(Differ.sorted(all.changes), desired, current, all.failures);
    return new Plan(linked.changes(), linked.failures(), all.inSync, all.duplicates, all.pending, all.descriptions);
  }

  private Differ.Part objectPart(DesiredResource r, GraphResult<JsonNode> read) {
    Differ.Part p = new Differ.Part();
    Differ.diffObject(r, read, versions, organization, p);
    return p;
  }

  private Differ.Part scopePart(CollectionScope scope, GraphResult<List<JsonNode>> read) {
    Differ.Part p = new Differ.Part();
    Differ.diffCollection(scope, items.getOrDefault(scope.address(), List.of()), read, recent, versions, p);
    return p;
  }

  private static void add(Differ.Part p, Differ.Part all) {
    all.changes.addAll(p.changes);
    all.failures.addAll(p.failures);
    all.inSync.addAll(p.inSync);
    all.duplicates.addAll(p.duplicates);
    all.pending.addAll(p.pending);
    all.descriptions.putAll(p.descriptions);
  }
}
