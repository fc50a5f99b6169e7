package org.settingsreconciler.apply;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.state.CollectionRef;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's copy of what a set of changes touch, read in one go (batched): each object, and each collection an
 * item of which is created, updated or deleted. A saved plan's check, the read-back after apply and the rollback all
 * read this way.
 */
final class TouchedState {

  private TouchedState() {}

  static CurrentState read(StateReader reader, Collection<Change> changes) {
    Map<String, ResourceId> objects = new LinkedHashMap<>();
    Map<String, CollectionRef> scopes = new LinkedHashMap<>();
    for (Change c : changes) {
      ResourceId id = c.resource();
      if (id.descriptor().shape() == Shape.COLLECTION) {
        scopes.putIfAbsent(id.scopeAddress(), new CollectionRef(id.descriptor(), id.user()));
      } else {
        objects.putIfAbsent(id.address(), id);
      }
    }
    return reader.read(objects.values(), scopes.values());
  }

  /**
   * The collection item a change to one item (an update or delete, which targets it by its id) is sent to: the one
   * whose Graph path, in the change's version, is the change's; or null.
   */
  static JsonNode itemAt(List<JsonNode> items, Change c) {
    ResourceId id = c.resource();
    ResourceDescriptor d = id.descriptor();
    // Where the key is the URL id and Graph matches it ignoring case, Graph may answer another spelling than the path
    // the change was sent to (a card property's documented one): the same item, so the paths compare as Graph does.
    boolean ignoreCase = d.key().idIsKey() && d.key().caseInsensitive();
    for (JsonNode item : items) {
      if (d.key().keyOf(item) == null) {
        continue;
      }
      String path = id.objectPath(c.version(), d.key().graphIdOf(item));
      if (ignoreCase ? path.equalsIgnoreCase(c.path()) : path.equals(c.path())) {
        return item;
      }
    }
    return null;
  }
}
