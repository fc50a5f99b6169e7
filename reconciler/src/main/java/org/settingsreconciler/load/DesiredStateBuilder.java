package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.resource.ValueKind;
import org.settingsreconciler.model.ValueOrigin;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Shape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the merged, schema-valid tree into resources, reading the YAML layout from the descriptors. Also checks
 * what a schema cannot: keys that Graph would treat as one (case-insensitive), and prune switches that name a
 * collection no file sets.
 */
final class DesiredStateBuilder {

  private final ObjectNode tree;
  private final SourceMap sources;
  private final List<ConfigError> errors;
  private final Set<String> prune = new HashSet<>();
  private final List<DesiredResource> resources = new ArrayList<>();
  private final List<CollectionScope> collections = new ArrayList<>();
  private final Map<String, Location> userKeys = new LinkedHashMap<>();

  /** Where a value came from beyond its location (its layer), by JSON Pointer; null when nothing to say. */
  private final Function<String, ValueOrigin> origins;

  /** Whether every file was read into the tree, so a prune entry whose collection is not in it is a mistake. */
  private final boolean everyFileRead;

  /**
   * A builder for {@code tree}, which may have failed the schema already: it then still finds its own problems, and
   * its state is not used.
   */
  DesiredStateBuilder(ObjectNode tree, SourceMap sources, List<ConfigError> errors,
      Function<String, ValueOrigin> origins, boolean everyFileRead) {
    this.tree = tree;
    this.sources = sources;
    this.errors = errors;
    this.origins = origins;
    this.everyFileRead = everyFileRead;
  }

  DesiredState build() {
    JsonNode pruneNode = tree.get("prune");
    if (pruneNode != null && pruneNode.isArray()) {
      pruneNode.forEach(n -> {
        if (n.isString()) {
          prune.add(n.asString());
        }
      });
    }
    for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
      JsonNode node = at(tree.get(d.yamlSection()), d.yamlPath());
      String pointer = SourceMap.child(SourceMap.child("", d.yamlSection()), d.yamlPath());
      if (node != null) {
        addResource(d, null, pointer, node);
      }
      if (d.allowList() != null) {
        addAllowList(d, pointer, node);
      }
    }
    addUsers();
    checkPruneTargets();
    // Each address worked out once, not at every comparison: a desired state can hold tens of thousands of items.
    Map<DesiredResource, String> addresses = new IdentityHashMap<>();
    resources.forEach(r -> addresses.put(r, r.address()));
    resources.sort(
        Comparator.comparingInt((DesiredResource r) -> ResourceRegistry.order(r.id().descriptor()))
            .thenComparing(addresses::get));
    collections.sort(
        Comparator.comparingInt((CollectionScope c) -> ResourceRegistry.order(c.descriptor()))
            .thenComparing(CollectionScope::address));
    return new DesiredState(List.copyOf(resources), List.copyOf(collections), userKeys);
  }

  private void addUsers() {
    JsonNode users = tree.get("users");
    if (users == null || !users.isObject()) {
      return;
    }
    Map<String, String> firstSpelling = new HashMap<>();
    for (Map.Entry<String, JsonNode> user : users.properties()) {
      String upn = user.getKey();
      String userPointer = SourceMap.child("/users", upn);
      String earlier = firstSpelling.putIfAbsent(upn.toLowerCase(Locale.ROOT), upn);
      if (earlier != null) {
        errors.add(
            new ConfigError(
                sources.keyLocation(userPointer),
                KeyAddress.of(userPointer),
                "same user as '" + earlier + "' at " + sources.keyLocation(SourceMap.child("/users", earlier))
                    + " (user principal names ignore case); write it once"));
        continue;
      }
      userKeys.put(upn, sources.keyLocation(userPointer));
      for (ResourceDescriptor d : ResourceRegistry.userScoped()) {
        JsonNode node = at(user.getValue(), d.yamlPath());
        if (node != null) {
          addResource(d, upn, SourceMap.child(userPointer, d.yamlPath()), node);
        }
      }
    }
  }

  /** The node the keys of {@code path} lead to from {@code from}, or null where one is missing. */
  private static JsonNode at(JsonNode from, List<String> path) {
    JsonNode node = from;
    for (String key : path) {
      node = node == null || !node.isObject() ? null : node.get(key);
    }
    return node;
  }

  private void addResource(ResourceDescriptor d, String user, String pointer, JsonNode node) {
    if (d.shape() == Shape.SINGLETON) {
      DesiredResource r = resource(new ResourceId(d, user, null), pointer, node);
      // What Graph nests in this object (a user's itemInsights in their settings) is a resource of its own.
      ResourceRegistry.nestedIn(d).forEach(n -> r.properties().remove(n.yamlName()));
      resources.add(r);
      return;
    }
    if (d.shape() == Shape.COLLECTION) {
      collections.add(new CollectionScope(d, user, prune.contains(d.type()), sources.keyLocation(pointer)));
    }
    // Items Graph matches by key (or id) ignoring case: two that differ only in case are one item.
    boolean keyed = d.shape() == Shape.COLLECTION || d.shape() == Shape.CATALOG;
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> item : node.properties()) {
      String key = item.getKey();
      String itemPointer = SourceMap.child(pointer, key);
      String alias = d.shape() == Shape.COLLECTION ? d.key().emptyKeyAlias() : null;
      if (alias != null && !alias.equals(key) && d.key().matchForm(alias).equals(d.key().matchForm(key))) {
        // Graph would match it ignoring case with the tenant-wide item, and renaming that one makes it another.
        errors.add(new ConfigError(sources.keyLocation(itemPointer), KeyAddress.of(itemPointer),
            "'" + key + "' is the reserved key '" + alias + "' (the item without a " + d.key().property()
                + ") in another letter case: write '" + alias + "'"));
        continue;
      }
      if (keyed) {
        String earlier = seen.putIfAbsent(d.key().matchForm(key), key);
        if (earlier != null) {
          errors.add(
              new ConfigError(
                  sources.keyLocation(itemPointer),
                  KeyAddress.of(itemPointer),
                  "same item as '" + earlier + "' at " + sources.keyLocation(SourceMap.child(pointer, earlier))
                      + " (Graph matches " + d.key().property() + " ignoring case)"));
          continue;
        }
      }
      if (d.shape() == Shape.COLLECTION && !keyRepeatedAlike(d, key, itemPointer, item.getValue())) {
        continue;
      }
      DesiredResource r = resource(new ResourceId(d, user, key), itemPointer, item.getValue());
      if (d.shape() == Shape.COLLECTION) {
        r.properties().remove(d.key().properties());
      }
      resources.add(r);
    }
  }

  /**
   * An item may repeat its key property inside it only as the key itself, spelt the same: YAML written before the
   * key moved to that property (profile property settings were keyed by name, their displayName a property of its
   * own) stays valid where the two agree, and is an error where they differ, rather than silently meaning something
   * else. The repeated value is dropped: the key is what is compared and sent.
   */
  private boolean keyRepeatedAlike(ResourceDescriptor d, String key, String itemPointer, JsonNode item) {
    if (item == null || !item.isObject()) {
      return true;
    }
    for (String keyProperty : d.key().properties()) {
      JsonNode own = item.get(keyProperty);
      // The nameless item (sourcePrecedence) may say so with null or "".
      boolean alike = own == null || (d.key().isEmptyKey(key)
          ? own.isNull() || (own.isString() && own.asString().isEmpty())
          : own.isString() && own.asString().equals(key));
      if (alike) {
        continue;
      }
      String at = SourceMap.child(itemPointer, keyProperty);
      errors.add(new ConfigError(sources.valueLocation(at), KeyAddress.of(at),
          "the YAML key '" + key + "' is this item's " + keyProperty + ", so it cannot be set to " + own
              + " here; to name the item " + own + ", make that its key and remove " + keyProperty));
      return false;
    }
    return true;
  }

  private DesiredResource resource(ResourceId id, String pointer, JsonNode node) {
    ObjectNode properties;
    if (node != null && node.isObject() && id.descriptor().shape() != Shape.SINGLETON) {
      // An item's own object from the tree, uncopied: the tree is dropped once the state is built, and a copy held
      // every item twice while it was (a deep copy was a fifth of the memory of loading 30,000 users). Nothing reads
      // an item's object in the tree after this, so the builder may trim it (its repeated key).
      properties = (ObjectNode) node;
    } else {
      // A singleton's object is copied (its values shared): the builder takes out what is a resource of its own
      // (a nested one), which is read from the tree after this.
      int size = node != null && node.isObject() ? node.size() : 0;
      properties = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>((int) (size / 0.75f) + 1));
      if (size > 0) {
        properties.setAll((ObjectNode) node);
      }
    }
    Map<String, Location> locations = new LinkedHashMap<>();
    Map<String, ValueOrigin> valueOrigins = new LinkedHashMap<>();
    for (String p : properties.propertyNames()) {
      String at = SourceMap.child(pointer, p);
      locations.put(p, sources.valueLocation(at));
      JsonNode value = properties.get(p);
      boolean itemsLocated = id.descriptor().references().stream().anyMatch(r -> r.property().equals(p))
          || id.descriptor().property(p).map(s -> s.kind() == ValueKind.USERS_AND_GROUPS).orElse(false)
          || DocumentedValueWarnings.listsDocumentedValues(id.descriptor().type(), p);
      for (int i = 0; itemsLocated && value.isArray() && i < value.size(); i++) {
        // Each item of a list that names other items too, for what is said of one (a URL naming no profile source,
        // a user or group the directory lacks), or whose values the docs list (a warning for one they do not).
        locations.put(DesiredResource.itemOf(p, i), sources.valueLocation(SourceMap.child(at, i)));
      }
      ValueOrigin origin = origins.apply(at);
      if (origin != null) {
        valueOrigins.put(p, origin);
      }
    }
    return new DesiredResource(
        id, properties, sources.keyLocation(pointer), Map.copyOf(locations), Map.copyOf(valueOrigins));
  }

  /**
   * A catalog's allow-list switch ({@code copilot.agentsNotListed: block}): the catalog is then read whole, and every
   * item the YAML does not name gets the switch's action. Like a prune entry, it needs the catalog set in some file
   * (to act on every item, set it to {} explicitly): a file gone missing must not block everything.
   *
   * @param catalog the catalog's node, or null where no file sets it
   */
  private void addAllowList(ResourceDescriptor d, String catalogPointer, JsonNode catalog) {
    String pointer = "/" + d.yamlSection() + "/" + d.allowList().yamlKey();
    JsonNode value = tree.at(pointer);
    if (!value.isString() || !value.asString().equals(d.allowList().action())) {
      return; // absent, leave, or refused by the schema
    }
    if (catalog == null || catalog.isMissingNode()) {
      if (everyFileRead) {
        errors.add(new ConfigError(sources.valueLocation(pointer), KeyAddress.of(pointer),
            d.allowList().action() + " is sent to every item " + KeyAddress.of(catalogPointer)
                + " does not list, but no file sets " + KeyAddress.of(catalogPointer) + "; to "
                + d.allowList().action() + " every one, set it to {} explicitly"));
      }
      return;
    }
    collections.add(new CollectionScope(d, null, true, sources.valueLocation(pointer)));
  }

  private void checkPruneTargets() {
    JsonNode pruneNode = tree.get("prune");
    if (pruneNode == null || !pruneNode.isArray() || !everyFileRead) {
      return;
    }
    for (int i = 0; i < pruneNode.size(); i++) {
      if (!pruneNode.get(i).isString()) {
        continue; // the schema said so
      }
      String type = pruneNode.get(i).asString();
      boolean set = collections.stream().anyMatch(c -> c.descriptor().type().equals(type));
      if (!set) {
        String pointer = SourceMap.child("/prune", i);
        errors.add(
            new ConfigError(
                sources.valueLocation(pointer),
                KeyAddress.of(pointer),
                "prune names " + type + ", but no file sets it; to delete every item, set it to {} explicitly"));
      }
    }
  }
}
