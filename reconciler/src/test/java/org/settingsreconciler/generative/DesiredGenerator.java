package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.settingsreconciler.resource.AllowList;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.metadata.GraphMetadata;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.defs.CopilotPolicySettings;
import org.settingsreconciler.resource.defs.LimitedMode;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.resource.defs.PersonInterests;
import org.settingsreconciler.resource.defs.ProfileCardProperties;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;
import org.settingsreconciler.resource.defs.ProfileSources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A desired state for a given tenant, as the YAML's tree: values drawn from the same metadata types as tenants, kept
 * to what the schema accepts and Graph's writes take (documented collaboration tags, limited mode never left enabled
 * without a group, no policy setting a group-level policy holds, only users the tenant has). It names some of the
 * tenant's items (in their case or another) and new ones, names groups by display name where the name is unique,
 * leaves properties out (unmanaged), and turns pruning on now and then.
 */
final class DesiredGenerator {

  private final SplittableRandom r;
  private final MetadataValues values;
  private final JsonNode tenant;

  DesiredGenerator(SplittableRandom r, JsonNode tenant) {
    this.r = r;
    this.values = new MetadataValues(r);
    this.tenant = tenant;
  }

  ObjectNode desired() {
    ObjectNode root = MetadataValues.JSON.objectNode();
    List<String> prune = new ArrayList<>();
    for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
      if (r.nextInt(5) < 2) {
        continue;
      }
      ObjectNode section = root.has(d.yamlSection()) ? (ObjectNode) root.get(d.yamlSection())
          : root.putObject(d.yamlSection());
      JsonNode state = tenant.path("resources").path(d.type());
      switch (d.shape()) {
        case SINGLETON -> section.set(d.yamlName(), object(d));
        case FIXED_IDS -> section.set(d.yamlName(), policySettings(d));
        case COLLECTION -> {
          section.set(d.yamlName(), items(d, state));
          if (r.nextInt(3) == 0) {
            prune.add(d.type());
          }
        }
        case CATALOG -> {
          section.set(d.yamlName(), agents(d, state));
          if (r.nextInt(3) == 0) {
            section.put(d.allowList().yamlKey(), r.nextBoolean() ? d.allowList().action() : AllowList.LEAVE);
          }
        }
      }
    }
    ObjectNode users = MetadataValues.JSON.objectNode();
    for (Map.Entry<String, JsonNode> user : tenant.path("users").properties()) {
      if (r.nextBoolean()) {
        String upn = r.nextInt(4) == 0 ? user.getKey().toUpperCase(Locale.ROOT) : user.getKey();
        users.putObject(upn).set(PersonInterests.DESCRIPTOR.yamlName(),
            items(PersonInterests.DESCRIPTOR, user.getValue().path(PersonInterests.DESCRIPTOR.yamlName())));
      }
    }
    if (!users.isEmpty()) {
      root.set("users", users);
      if (r.nextInt(3) == 0) {
        prune.add(PersonInterests.DESCRIPTOR.type());
      }
    }
    if (!prune.isEmpty()) {
      ArrayNode list = root.putArray("prune");
      prune.forEach(list::add);
    }
    sourcesKeptNamed(root, prune.contains(ProfileSources.DESCRIPTOR.type()));
    return root;
  }

  /**
   * What a precedence list names must exist (the tool refuses YAML naming a source neither it nor the tenant has, or
   * one pruning deletes): each source a list of the YAML names that the tenant lacks is added to the YAML's sources;
   * and where sources are pruned, so is each tenant source any list names, the tenant's lists included.
   */
  private void sourcesKeptNamed(ObjectNode root, boolean sourcesPruned) {
    Set<String> inTenant = new HashSet<>();
    tenant.path("resources").path(ProfileSources.DESCRIPTOR.type())
        .forEach(s -> inTenant.add(s.path("sourceId").asString("")));
    List<String> named = new ArrayList<>();
    root.path("people").path(ProfilePropertySettings.DESCRIPTOR.yamlName())
        .forEach(setting -> setting.path("prioritizedSourceUrls").forEach(u -> named.add(u.asString(""))));
    if (sourcesPruned) {
      tenant.path("resources").path(ProfilePropertySettings.DESCRIPTOR.type())
          .forEach(setting -> setting.path("prioritizedSourceUrls").forEach(u -> named.add(u.asString(""))));
    }
    for (String url : named) {
      ProfileSources.sourceIdIn(url)
          .filter(id -> !ProfileSources.isEntraSourceId(id) && (sourcesPruned || !inTenant.contains(id)))
          .ifPresent(id -> {
            ObjectNode people = root.has("people") ? (ObjectNode) root.get("people") : root.putObject("people");
            String name = ProfileSources.DESCRIPTOR.yamlName();
            ObjectNode sources = people.has(name) ? (ObjectNode) people.get(name) : people.putObject(name);
            if (!sources.has(id)) {
              sources.putObject(id);
            }
          });
    }
  }

  /** A random subset of the managed properties, each with a value Graph's writes take. */
  private ObjectNode object(ResourceDescriptor d) {
    ObjectNode o = MetadataValues.JSON.objectNode();
    Map<String, GraphMetadata.Property> types = MetadataValues.properties(MetadataValues.typeOf(d));
    for (PropertySpec p : d.properties()) {
      // A property that holds an item's key is written as the key (a property setting's displayName), not inside.
      boolean keyHolder = d.key() != null && d.key().properties().contains(p.name());
      if (keyHolder || r.nextInt(5) < 2) {
        continue;
      }
      JsonNode value = value(d, p, types.get(p.name()));
      if (!value.isMissingNode()) {
        o.set(p.name(), value); // missing: no value Graph takes (an owner where the tenant has no users)
      }
    }
    if (d == LimitedMode.DESCRIPTOR) {
      limitedModeKeptValid(o);
    }
    return o;
  }

  private JsonNode value(ResourceDescriptor d, PropertySpec p, GraphMetadata.Property type) {
    if (type == null) {
      return Documented.value(d, p.name(), r);
    }
    return switch (p.kind()) {
      case GROUP_ID -> groupId();
      case USER_ID -> {
        JsonNode user = userId();
        yield user == null ? MetadataValues.JSON.missingNode() : user;
      }
      case USERS_AND_GROUPS -> usersAndGroups();
      case BOOLEAN -> MetadataValues.nullable(d, p.name()) && r.nextInt(6) == 0 ? MetadataValues.JSON.nullNode()
          : MetadataValues.JSON.booleanNode(r.nextBoolean());
      case STRING_SET, STRING_LIST -> {
        ArrayNode out = MetadataValues.JSON.arrayNode();
        int n = values.size();
        for (int i = 0; i < n; i++) {
          out.add(d == PersonInterests.DESCRIPTOR && p.name().equals("collaborationTags")
              ? Documented.pick(Documented.COLLABORATION_TAGS, r)
              : d == ProfilePropertySettings.DESCRIPTOR ? Documented.sourceUrl(r)
              : d == PeopleToggles.PHOTO_UPDATE_SETTINGS && r.nextBoolean() ? GeneratedText.guid(r)
              : GeneratedText.any(r));
        }
        yield out;
      }
      default -> {
        JsonNode v = values.of(type);
        while (v.isNull() && !Dimensions.NULL_WHERE_GRAPH_FILLS_A_DEFAULT && graphFillsDefault(d, p)) {
          v = values.of(type);
        }
        yield v;
      }
    };
  }

  static boolean graphFillsDefault(ResourceDescriptor d, PropertySpec p) {
    return (d == CopilotPolicySettings.DESCRIPTOR && p.name().equals("policyId"))
        || (d == PersonInterests.DESCRIPTOR && p.name().equals("allowedAudiences"));
  }

  /** Graph refuses limited mode enabled without a group: turning it on names one, clearing the group turns it off. */
  private void limitedModeKeptValid(ObjectNode o) {
    JsonNode enabled = o.get("isEnabledForGroup");
    JsonNode group = o.get("groupId");
    boolean noGroup = group != null && (group.isNull() || (group.isString() && group.asString().isEmpty()));
    if (enabled != null && enabled.asBoolean(false) && (group == null || noGroup)) {
      o.put("groupId", GeneratedText.guid(r));
    } else if (noGroup && (enabled == null || enabled.asBoolean(false))) {
      o.put("isEnabledForGroup", false);
    }
  }

  private ObjectNode policySettings(ResourceDescriptor d) {
    ObjectNode out = MetadataValues.JSON.objectNode();
    for (String id : CopilotPolicySettings.SUPPORTED_IDS) {
      boolean groupScoped = tenant.path("groupScopedPolicySettings").valueStream()
          .anyMatch(s -> s.asString().equalsIgnoreCase(id));
      if (groupScoped || r.nextBoolean()) {
        continue; // a setting a group-level policy holds cannot be written (422)
      }
      ObjectNode setting = object(d);
      if (!setting.has("value")) {
        setting.set("value", values.of(MetadataValues.properties(MetadataValues.typeOf(d)).get("value")));
      }
      out.set(id, setting);
    }
    return out;
  }

  /**
   * Some of the catalog's agents (a catalog's items are published elsewhere, so the YAML names only those the tenant
   * has), by id in its case or another, each with some of its managed properties.
   */
  private ObjectNode agents(ResourceDescriptor d, JsonNode tenantItems) {
    ObjectNode out = MetadataValues.JSON.objectNode();
    for (JsonNode item : tenantItems) {
      if (r.nextInt(3) == 0) {
        continue;
      }
      String id = item.get("id").asString();
      out.set(r.nextInt(4) == 0 ? id.toLowerCase(Locale.ROOT) : id, object(d));
    }
    return out;
  }

  /** A user id Graph's reassign takes: one of the tenant's users, by id (in its case or another) or by name. */
  private JsonNode userId() {
    List<Map.Entry<String, JsonNode>> users = new ArrayList<>(tenant.path("users").properties());
    if (users.isEmpty()) {
      return null;
    }
    Map.Entry<String, JsonNode> user = users.get(r.nextInt(users.size()));
    if (r.nextBoolean()) {
      ObjectNode ref = MetadataValues.JSON.objectNode();
      ref.put("user", r.nextInt(4) == 0 ? user.getKey().toUpperCase(Locale.ROOT) : user.getKey());
      return ref;
    }
    String id = user.getValue().get("id").asString();
    return MetadataValues.JSON.stringNode(r.nextInt(4) == 0 ? id.toUpperCase(Locale.ROOT) : id);
  }

  /**
   * Who may use or gets an agent: entries as Graph writes them (any id, groups and users of the directory), and by
   * name ({@code {group: name}} where the name is unique, {@code {user: upn}}).
   */
  private ArrayNode usersAndGroups() {
    ArrayNode out = MetadataValues.JSON.arrayNode();
    int n = values.size();
    List<String> upns = new ArrayList<>(tenant.path("users").propertyNames());
    for (int i = 0; i < n; i++) {
      int shape = r.nextInt(4);
      if (shape == 0 && !upns.isEmpty()) {
        out.addObject().put("user", upns.get(r.nextInt(upns.size())));
      } else if (shape == 1 && groupId() instanceof ObjectNode named) {
        out.add(named);
      } else {
        out.addObject().put("resourceType", r.nextBoolean() ? "user" : "group").put("resourceId", GeneratedText.guid(r));
      }
    }
    return out;
  }

  /** Items keyed as the YAML keys them: some of the tenant's keys (in their case or another), some new. */
  private ObjectNode items(ResourceDescriptor d, JsonNode tenantItems) {
    CollectionKey key = d.key();
    List<String> candidates = new ArrayList<>();
    if (d == ProfileCardProperties.DESCRIPTOR) {
      candidates.addAll(Documented.CARD_PROPERTY_NAMES);
    } else {
      tenantItems.forEach(item -> {
        String k = key.keyOf(item);
        if (k != null && !k.isEmpty()) {
          candidates.add(r.nextInt(4) == 0 ? k.toUpperCase(Locale.ROOT) : k);
        }
      });
      if (key.emptyKeyAlias() != null) {
        candidates.add(key.emptyKeyAlias());
      }
      int fresh = values.size();
      for (int i = 0; i < fresh; i++) {
        candidates.add(GeneratedText.nonEmpty(r));
      }
    }
    Set<String> tenantKeys = new HashSet<>();
    tenantItems.forEach(item -> {
      String k = key.keyOf(item);
      if (k != null && !k.isEmpty()) {
        tenantKeys.add(key.matchForm(k));
      }
    });
    ObjectNode out = MetadataValues.JSON.objectNode();
    Set<String> taken = new HashSet<>();
    for (String k : candidates) {
      boolean clash = key.emptyKeyAlias() != null && !k.equals(key.emptyKeyAlias())
          && key.matchForm(k).equals(key.matchForm(key.emptyKeyAlias()));
      if (r.nextInt(3) == 0 || clash || !taken.add(key.matchForm(k))) {
        continue;
      }
      ObjectNode item = object(d);
      if (key.isEmptyKey(k) && item.isEmpty()) {
        // The schema wants a property there: the nameless setting is created from it, and Graph creates nothing
        // from an empty body. Not its displayName: the key is that, and the nameless one has none. (A named setting
        // the tenant lacks may come without a list: its create sends the Entra ID source alone.)
        PropertySpec sources = d.property("prioritizedSourceUrls").orElseThrow();
        item.set(sources.name(), value(d, sources,
            MetadataValues.properties(MetadataValues.typeOf(d)).get(sources.name())));
      }
      out.set(k, item);
    }
    return out;
  }

  /** A group id Graph takes: null, a GUID, any other string, or a group of the directory by its unique name. */
  private JsonNode groupId() {
    Map<String, Integer> names = new HashMap<>();
    tenant.path("groups").forEach(g -> names.merge(g.get("displayName").asString().toLowerCase(Locale.ROOT), 1, Integer::sum));
    List<JsonNode> unique = new ArrayList<>();
    tenant.path("groups").forEach(g -> {
      String name = g.get("displayName").asString();
      // Any length: a name past the 120 characters Graph matches with eq is looked up by its beginning.
      if (names.get(name.toLowerCase(Locale.ROOT)) == 1) {
        unique.add(g);
      }
    });
    int shape = r.nextInt(6);
    if (shape == 0) {
      return MetadataValues.JSON.nullNode();
    }
    if (shape <= 2 && !unique.isEmpty()) {
      ObjectNode ref = MetadataValues.JSON.objectNode();
      ref.put("group", unique.get(r.nextInt(unique.size())).get("displayName").asString());
      return ref;
    }
    return MetadataValues.JSON.stringNode(shape == 3 ? GeneratedText.nonEmpty(r) : GeneratedText.guid(r));
  }
}
