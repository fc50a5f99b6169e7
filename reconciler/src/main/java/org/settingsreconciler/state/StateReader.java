package org.settingsreconciler.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.resource.Shape;
import tools.jackson.databind.JsonNode;

/**
 * Reads the tenant's current state: only what a desired state manages (for plan, apply and check), or every
 * resource (for export). Each object and collection is read once; a failure is recorded against its address and
 * the other reads go on.
 */
public final class StateReader {

  private final GraphClient client;
  private final AccessCheck access;

  public StateReader(GraphClient client) {
    this(client, AccessCheck.NONE);
  }

  /** A reader that sends no read {@code access} refuses, and explains Graph's refusals with it. */
  public StateReader(GraphClient client, AccessCheck access) {
    this.client = client;
    this.access = access;
  }

  public CurrentState readFor(DesiredState desired) {
    CurrentState state = new CurrentState();
    Map<String, ResourceId> objects = new LinkedHashMap<>();
    for (DesiredResource r : desired.resources()) {
      if (r.id().descriptor().shape() != Shape.COLLECTION) {
        objects.putIfAbsent(r.address(), r.id());
      }
    }
    objects.values().forEach(id -> readObject(id, state));
    desired.collections().forEach(c -> readCollection(c.descriptor(), c.user(), state));
    return state;
  }

  /** Reads every tenant-scoped resource, and the user-scoped ones of the given users. */
  public CurrentState readAll(List<String> users) {
    CurrentState state = new CurrentState();
    for (ResourceDescriptor d : org.settingsreconciler.resource.ResourceRegistry.all()) {
      if (d.scope() == Scope.USER) {
        users.forEach(u -> readCollection(d, u, state));
        continue;
      }
      switch (d.shape()) {
        case SINGLETON -> readObject(ResourceId.singleton(d), state);
        case FIXED_IDS -> d.fixedIds().forEach(id -> readObject(new ResourceId(d, null, id), state));
        case COLLECTION -> readCollection(d, null, state);
      }
    }
    return state;
  }

  public void readObject(ResourceId id, CurrentState into) {
    var refused = access.refuseRead(id.descriptor());
    if (refused.isPresent()) {
      into.putObject(id.address(), ObjectRead.failed(refused.get()));
      return;
    }
    try {
      JsonNode body = client.getObject(id.objectPath(null));
      into.putObject(id.address(), ObjectRead.of(body));
    } catch (GraphException e) {
      into.putObject(id.address(), ObjectRead.failed(explain(id.descriptor(), e)));
    }
  }

  public void readCollection(ResourceDescriptor d, String user, CurrentState into) {
    String address = ResourceId.scopeAddress(d, user);
    var refused = access.refuseRead(d);
    if (refused.isPresent()) {
      into.putCollection(address, CollectionRead.failed(refused.get()));
      return;
    }
    try {
      List<JsonNode> items = new ArrayList<>(client.list(ResourceId.basePath(d, user)));
      into.putCollection(address, CollectionRead.of(items));
    } catch (GraphException e) {
      into.putCollection(address, CollectionRead.failed(explain(d, e)));
    }
  }

  private GraphError explain(ResourceDescriptor d, GraphException e) {
    return access.explain(d, ErrorExplainer.explain(d, e.error(), false), false);
  }

  /** For scopes that a saved plan touches, identified without a desired state. */
  public void readCollection(CollectionScope scope, CurrentState into) {
    readCollection(scope.descriptor(), scope.user(), into);
  }

  /** The client this reader reads through, for lookups that belong to the same run (group names). */
  public GraphClient client() {
    return client;
  }
}
