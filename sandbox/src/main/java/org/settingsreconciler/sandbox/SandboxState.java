package org.settingsreconciler.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated tenant's data, held in the seed format itself so that snapshots and state files are a plain copy.
 * Not thread-safe: {@link SandboxService} serialises all access.
 *
 * <pre>
 * {"resources": {"&lt;type&gt;": singleton object | {fixed id: object} | [items]},
 *  "groupScopedPolicySettings": [ids],
 *  "users": {"&lt;upn&gt;": {"id", "displayName", "&lt;user endpoint's state name&gt;": [items] | object}},
 *  "groups": [{"id", "displayName"}],
 *  "organization": {"id", "displayName"}}
 * </pre>
 */
final class SandboxState {

  static final String RESOURCES = "resources";
  static final String GROUP_SCOPED = "groupScopedPolicySettings";
  static final String USERS = "users";
  static final String GROUPS = "groups";
  static final String ORGANIZATION = "organization";

  /**
   * The tenant a seed without an "organization" is: one fixed id, so that a state file made from the bundled demo
   * tenant (which names its own) and a hand-written seed are each the same tenant on every load.
   */
  static final String DEFAULT_TENANT_ID = "5a4db0c0-0000-4000-8000-000000000001";

  /** A user of the tenant: the UPN it is filed under and its data. */
  record User(String userPrincipalName, ObjectNode data) {
    String id() {
      return String.valueOf(SandboxJson.text(data.get("id")));
    }
  }

  private final ObjectNode root;
  /** Users come only from the seed, so one index serves the state's lifetime; reads share it across threads. */
  private final Map<String, User> userIndex = new HashMap<>();

  private SandboxState(ObjectNode root) {
    this.root = root;
    for (User u : users()) {
      userIndex.putIfAbsent(u.userPrincipalName().toLowerCase(Locale.ROOT), u);
    }
    for (User u : users()) {
      userIndex.putIfAbsent(u.id().toLowerCase(Locale.ROOT), u);
    }
  }

  /**
   * Reads a seed or state file, filling in whatever it leaves out (missing resources at their defaults, missing
   * ids made deterministically) so hand-written seeds stay short.
   *
   * @throws IllegalArgumentException when the JSON does not have the seed format
   */
  static SandboxState from(JsonNode seed) {
    if (seed == null || !seed.isObject()) {
      throw new IllegalArgumentException("sandbox state must be a JSON object");
    }
    ObjectNode root = (ObjectNode) seed.deepCopy();
    ObjectNode resources = objectAt(root, RESOURCES);
    for (Endpoint d : Endpoints.tenantWide()) {
      JsonNode present = resources.get(d.stateName());
      if (present == null || present.isNull()) {
        resources.set(d.stateName(), TenantDefaults.defaultFor(d));
      } else {
        normaliseResource(d, present);
      }
    }
    if (!root.has(GROUP_SCOPED) || root.get(GROUP_SCOPED).isNull()) {
      root.putArray(GROUP_SCOPED);
    }
    JsonNode groupScoped = root.get(GROUP_SCOPED);
    if (!groupScoped.isArray() || !groupScoped.valueStream().allMatch(JsonNode::isString)) {
      throw new IllegalArgumentException(GROUP_SCOPED + " must be an array of setting ids");
    }
    ObjectNode users = objectAt(root, USERS);
    for (Map.Entry<String, JsonNode> e : users.properties()) {
      normaliseUser(e.getKey(), e.getValue());
    }
    normaliseGroups(root);
    normaliseOrganization(root);
    return new SandboxState(root);
  }

  private static ObjectNode objectAt(ObjectNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return parent.putObject(name);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("'" + name + "' must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static void normaliseResource(Endpoint d, JsonNode present) {
    switch (d.kind()) {
      case SINGLETON -> require(present.isObject(), d.stateName() + " must be an object");
      case FIXED_IDS -> {
        require(present.isObject(), d.stateName() + " must be an object keyed by setting id");
        ObjectNode entries = (ObjectNode) present;
        for (String id : d.fixedIds()) {
          if (!entries.has(id)) {
            entries.set(id, TenantDefaults.unconfiguredEntry(d));
          }
          require(entries.get(id).isObject(), d.stateName() + "." + id + " must be an object");
        }
      }
      case COLLECTION -> normaliseItems(d, d.stateName(), present);
      case CATALOG -> normaliseCatalog(d, present);
    }
  }

  /**
   * A catalog's items need their id (Graph makes it when the item is published, so a seed must give it), and get
   * every other property of their type they leave out at its generic default (TenantDefaults.unset), as Graph
   * answers every declared property.
   */
  private static void normaliseCatalog(Endpoint d, JsonNode present) {
    require(present.isArray(), d.stateName() + " must be an array");
    for (JsonNode item : present) {
      require(item.isObject() && item.path("id").isString() && !item.get("id").asString().isEmpty(),
          d.stateName() + " must hold objects, each with its id");
      for (var p : TenantDefaults.settable(d)) {
        if (!item.has(p.name())) {
          ((ObjectNode) item).set(p.name(), TenantDefaults.unset(p));
        }
      }
    }
  }

  private static void normaliseUser(String upn, JsonNode user) {
    require(user.isObject(), "users." + upn + " must be an object");
    ObjectNode data = (ObjectNode) user;
    if (!data.hasNonNull("id")) {
      data.put("id", stableId("user:" + upn));
    }
    if (!data.has("displayName")) {
      data.putNull("displayName");
    }
    for (Endpoint d : Endpoints.perUser()) {
      if (!data.hasNonNull(d.stateName())) {
        data.set(d.stateName(), TenantDefaults.defaultFor(d));
      }
      if (d.kind() == Endpoint.Kind.SINGLETON) {
        require(data.get(d.stateName()).isObject(), "users." + upn + "." + d.stateName() + " must be an object");
      } else {
        normaliseItems(d, "users." + upn + "." + d.stateName(), data.get(d.stateName()));
      }
    }
  }

  /** Groups are optional in seeds (older state files have none); each needs a displayName, ids are made. */
  private static void normaliseGroups(ObjectNode root) {
    JsonNode groups = root.get(GROUPS);
    if (groups == null || groups.isNull()) {
      root.putArray(GROUPS);
      return;
    }
    require(groups.isArray(), GROUPS + " must be an array");
    int index = 0;
    for (JsonNode group : groups) {
      require(group.isObject() && group.path("displayName").isString(), GROUPS + " must hold objects with a displayName");
      if (!group.hasNonNull("id")) {
        ((ObjectNode) group).put("id", stableId("group#" + index + ":" + group.get("displayName").asString()));
      }
      index++;
    }
  }

  /** The tenant's own id and name ({@code GET /organization}); optional in seeds. */
  private static void normaliseOrganization(ObjectNode root) {
    JsonNode org = root.get(ORGANIZATION);
    if (org == null || org.isNull()) {
      org = root.putObject(ORGANIZATION);
    }
    require(org.isObject(), ORGANIZATION + " must be an object");
    ObjectNode o = (ObjectNode) org;
    if (!o.hasNonNull("id")) {
      o.put("id", DEFAULT_TENANT_ID);
    }
    if (!o.hasNonNull("displayName")) {
      o.put("displayName", "Sandbox tenant");
    }
    require(o.get("id").isString() && o.get("displayName").isString(),
        ORGANIZATION + " needs a string id and displayName");
  }

  private static void normaliseItems(Endpoint d, String where, JsonNode items) {
    require(items.isArray(), where + " must be an array");
    int index = 0;
    for (JsonNode item : items) {
      require(item.isObject(), where + " must hold objects");
      if (d.key().serverMakesIds() && !item.hasNonNull("id")) {
        ((ObjectNode) item).put("id", stableId(where + "#" + index));
      }
      index++;
    }
  }

  /** Ids for hand-written seeds that omit them: the same on every load, so state files stay stable. */
  private static String stableId(String seedText) {
    return UUID.nameUUIDFromBytes(seedText.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("sandbox state: " + message);
    }
  }

  /** A deep copy in the seed format. */
  ObjectNode snapshot() {
    return root.deepCopy();
  }

  private ObjectNode resources() {
    return (ObjectNode) root.get(RESOURCES);
  }

  /** A singleton: the tenant's, or the given user's for a user's endpoint. */
  ObjectNode singleton(Endpoint d, User user) {
    return (ObjectNode) (d.perUser() ? user.data() : resources()).get(d.stateName());
  }

  void replaceSingleton(Endpoint d, User user, ObjectNode value) {
    (d.perUser() ? user.data() : resources()).set(d.stateName(), value);
  }

  /** The entry of a fixed id, found ignoring case; empty when the id is not one the endpoint supports. */
  Optional<Map.Entry<String, ObjectNode>> fixedEntry(Endpoint d, String id) {
    ObjectNode entries = (ObjectNode) resources().get(d.stateName());
    return d.fixedIds().stream()
        .filter(known -> known.equalsIgnoreCase(id))
        .findFirst()
        .map(known -> Map.entry(known, (ObjectNode) entries.get(known)));
  }

  void replaceFixedEntry(Endpoint d, String id, ObjectNode value) {
    ((ObjectNode) resources().get(d.stateName())).set(id, value);
  }

  boolean isGroupScoped(String id) {
    return root.get(GROUP_SCOPED).valueStream().anyMatch(n -> id.equalsIgnoreCase(SandboxJson.text(n)));
  }

  /** The items of a collection: the tenant's, or the given user's for user-scoped descriptors. */
  ArrayNode items(Endpoint d, User user) {
    if (d.perUser()) {
      return (ArrayNode) user.data().get(d.stateName());
    }
    if (d.kind() != Endpoint.Kind.COLLECTION && d.kind() != Endpoint.Kind.CATALOG) {
      throw new IllegalStateException(d.stateName() + " is not a collection");
    }
    return (ArrayNode) resources().get(d.stateName());
  }

  List<User> users() {
    List<User> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.get(USERS).properties()) {
      out.add(new User(e.getKey(), (ObjectNode) e.getValue()));
    }
    return out;
  }

  /** The tenant's Entra groups, in seed order. */
  List<ObjectNode> groups() {
    List<ObjectNode> out = new ArrayList<>();
    root.get(GROUPS).forEach(g -> out.add((ObjectNode) g));
    return out;
  }

  /** The tenant's organization object: its id and display name. */
  ObjectNode organization() {
    return (ObjectNode) root.get(ORGANIZATION);
  }

  /** Finds a user by object id or user principal name, ignoring case as Entra does. */
  Optional<User> user(String idOrUpn) {
    return Optional.ofNullable(userIndex.get(idOrUpn.toLowerCase(Locale.ROOT)));
  }
}
