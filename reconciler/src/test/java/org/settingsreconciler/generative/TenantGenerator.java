package org.settingsreconciler.generative;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.settingsreconciler.metadata.GraphMetadata;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.ValueKind;
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
 * A tenant in the sandbox's seed format ({@code {"resources", "groupScopedPolicySettings", "users", "groups"}}),
 * every managed object drawn from its type in Microsoft's metadata ({@link MetadataValues}), unmanaged properties
 * included. Narrowed only where Graph itself keeps a tenant from holding a value: what its writes refuse (limited
 * mode enabled without a group, card properties outside the documented names, two card properties of one name) or
 * what it adds on its own (ids).
 */
final class TenantGenerator {

  /** The Entra ID profile source, which Graph appends to precedence lists. */
  private static final String ENTRA = ProfilePropertySettings.ENTRA_SOURCE_URL;

  private final SplittableRandom r;
  private final MetadataValues values;
  private final Set<String> ids = new HashSet<>();

  TenantGenerator(SplittableRandom r) {
    this.r = r;
    this.values = new MetadataValues(r);
  }

  ObjectNode tenant() {
    ObjectNode root = MetadataValues.JSON.objectNode();
    ArrayNode groups = root.putArray("groups");
    List<String> groupIds = new ArrayList<>();
    int groupCount = r.nextInt(4);
    for (int i = 0; i < groupCount; i++) {
      String id = GeneratedText.guid(r).toLowerCase(Locale.ROOT);
      // Now and then a second group of the same name, in another case: a name that is not unique.
      String name = i > 0 && r.nextInt(6) == 0
          ? groups.get(0).get("displayName").asString().toUpperCase(Locale.ROOT) : GeneratedText.nonEmpty(r);
      groups.addObject().put("id", id).put("displayName", name);
      groupIds.add(id);
    }
    ObjectNode resources = root.putObject("resources");
    for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
      resources.set(d.type(), switch (d.shape()) {
        case SINGLETON -> singleton(d, groupIds);
        case FIXED_IDS -> fixedIds(d);
        case COLLECTION -> d == ProfileCardProperties.DESCRIPTOR ? cardProperties()
            : d == ProfileSources.DESCRIPTOR ? profileSources() : propertySettings();
        case CATALOG -> catalog(d, groupIds);
      });
    }
    ArrayNode groupScoped = root.putArray("groupScopedPolicySettings");
    for (String id : CopilotPolicySettings.SUPPORTED_IDS) {
      if (r.nextInt(6) == 0) {
        groupScoped.add(id);
      }
    }
    ObjectNode users = root.putObject("users");
    int userCount = r.nextInt(4);
    for (int i = 0; i < userCount; i++) {
      String upn = Upns.draw(r);
      if (users.properties().stream().anyMatch(e -> e.getKey().equalsIgnoreCase(upn))) {
        continue;
      }
      ObjectNode user = users.putObject(upn);
      user.put("id", GeneratedText.guid(r).toLowerCase(Locale.ROOT)); // so a desired state can name a user by id
      user.put("displayName", GeneratedText.any(r));
      ArrayNode interests = user.putArray(PersonInterests.DESCRIPTOR.yamlName());
      int n = values.size();
      for (int k = 0; k < n; k++) {
        interests.add(interest(interests));
      }
    }
    return root;
  }

  /** Every property of the object's metadata type, managed or not, and those the descriptor adds (photo source). */
  private ObjectNode object(ResourceDescriptor d) {
    ObjectNode o = MetadataValues.JSON.objectNode();
    MetadataValues.properties(MetadataValues.typeOf(d)).values().forEach(p -> o.set(p.name(), values.of(p)));
    for (PropertySpec p : d.properties()) {
      if (!o.has(p.name())) {
        o.set(p.name(), Documented.value(d, p.name(), r));
      } else if (MetadataValues.nullable(d, p.name()) && o.get(p.name()).isArray() && r.nextInt(7) == 0) {
        o.putNull(p.name()); // a string list Graph answers null for (the docs' own examples show it)
      }
    }
    return o;
  }

  private ObjectNode singleton(ResourceDescriptor d, List<String> groupIds) {
    ObjectNode o = object(d);
    for (PropertySpec p : d.properties()) {
      if (p.kind() == ValueKind.GROUP_ID) {
        o.set(p.name(), groupId(groupIds));
      }
    }
    if (d == PeopleToggles.PHOTO_UPDATE_SETTINGS) {
      o.set("allowedRoles", roles());
    }
    if (d == LimitedMode.DESCRIPTOR && o.path("isEnabledForGroup").asBoolean(false)) {
      // Graph refuses to enable limited mode without a group, so no tenant holds that.
      JsonNode group = o.get("groupId");
      if (!group.isString() || group.asString().isEmpty()) {
        o.put("groupId", groupIds.isEmpty() ? GeneratedText.guid(r) : groupIds.get(0));
      }
    }
    return o;
  }

  private ObjectNode fixedIds(ResourceDescriptor d) {
    ObjectNode entries = MetadataValues.JSON.objectNode();
    for (String id : d.fixedIds()) {
      ObjectNode o = object(d);
      o.put("id", id);
      if (o.get("policyId").isString() && r.nextBoolean()) {
        o.put("policyId", GeneratedText.guid(r)); // mostly a GUID, as the Cloud Policy service makes them
      }
      entries.set(id, o);
    }
    return entries;
  }

  private ArrayNode cardProperties() {
    ArrayNode items = MetadataValues.JSON.arrayNode();
    List<String> names = new ArrayList<>(Documented.CARD_PROPERTY_NAMES);
    int n = Math.min(values.size(), names.size());
    for (int i = 0; i < n; i++) {
      ObjectNode o = object(ProfileCardProperties.DESCRIPTOR);
      String name = names.remove(r.nextInt(names.size()));
      if (Dimensions.OTHER_LETTER_CASE_KEYS && r.nextInt(4) == 0) {
        name = r.nextBoolean() ? name.toLowerCase(Locale.ROOT) : name.toUpperCase(Locale.ROOT);
      }
      o.put("directoryPropertyName", name);
      items.add(o);
    }
    return items;
  }

  /**
   * A catalog of agents: every property of the item's metadata type, under a package id Graph made ("P_" and a
   * GUID, unique ignoring case as Graph matches them); access lists that name the directory's groups now and then.
   */
  private ArrayNode catalog(ResourceDescriptor d, List<String> groupIds) {
    ArrayNode items = MetadataValues.JSON.arrayNode();
    int n = values.size();
    for (int i = 0; i < n; i++) {
      ObjectNode o = object(d);
      String id;
      do {
        id = "P_" + GeneratedText.guid(r);
      } while (!ids.add(id.toLowerCase(Locale.ROOT)));
      o.put("id", id);
      for (PropertySpec p : d.properties()) {
        if (p.kind() == ValueKind.USERS_AND_GROUPS && !groupIds.isEmpty()) {
          o.get(p.name()).forEach(e -> {
            if (r.nextBoolean()) {
              ((ObjectNode) e).put("resourceType", "group").put("resourceId", groupIds.get(r.nextInt(groupIds.size())));
            }
          });
        }
      }
      items.add(o);
    }
    return items;
  }

  /**
   * The Entra ID source, which every tenant has, and sources whose sourceIds precedence URLs name now and then
   * ({@link Documented#sourceUrl}), or any other: unique, as Graph keeps them.
   */
  private ArrayNode profileSources() {
    ArrayNode items = MetadataValues.JSON.arrayNode();
    Set<String> taken = new HashSet<>();
    ObjectNode entra = object(ProfileSources.DESCRIPTOR);
    entra.put("id", itemId());
    entra.put("sourceId", ProfilePropertySettings.ENTRA_SOURCE_IDS.get(r.nextInt(2)));
    entra.put("kind", "MSEntra");
    items.add(entra);
    int n = values.size();
    for (int i = 0; i < n; i++) {
      String sourceId = r.nextBoolean() ? Documented.SOURCE_IDS.get(r.nextInt(Documented.SOURCE_IDS.size()))
          : GeneratedText.nonEmpty(r);
      if (ProfileSources.isEntraSourceId(sourceId) || !taken.add(sourceId)) {
        continue;
      }
      ObjectNode o = object(ProfileSources.DESCRIPTOR);
      o.put("id", itemId());
      o.put("sourceId", sourceId);
      items.add(o);
    }
    return items;
  }

  private ArrayNode propertySettings() {
    ArrayNode items = MetadataValues.JSON.arrayNode();
    int n = values.size();
    boolean nameless = false;
    for (int i = 0; i < n; i++) {
      ObjectNode o = object(ProfilePropertySettings.DESCRIPTOR);
      o.put("id", itemId());
      JsonNode name = o.get("name");
      boolean empty = name.isNull() || name.asString().isEmpty();
      if (empty && nameless) {
        o.put("name", GeneratedText.nonEmpty(r)); // the docs: one tenant-wide (nameless) setting at most
      } else if (!empty && i > 0 && r.nextInt(10) == 0) {
        JsonNode other = items.get(r.nextInt(items.size())).get("name");
        if (other.isString() && !other.asString().isEmpty()) {
          o.set("name", other); // a name the tenant holds twice
        }
      }
      if (Dimensions.RESERVED_NAME_AS_SETTING_NAME && !empty && r.nextInt(15) == 0) {
        o.put("name", r.nextBoolean() ? ProfilePropertySettings.SOURCE_PRECEDENCE : "SourcePrecedence");
      }
      nameless |= empty;
      o.set("prioritizedSourceUrls", sourceUrls());
      items.add(o);
    }
    return items;
  }

  private ObjectNode interest(ArrayNode earlier) {
    ObjectNode o = object(PersonInterests.DESCRIPTOR);
    o.put("id", itemId());
    if (!earlier.isEmpty() && r.nextInt(10) == 0) {
      // The same displayName twice, or in another letter case: one key to the tool.
      String other = earlier.get(r.nextInt(earlier.size())).path("displayName").asString("");
      o.put("displayName", r.nextBoolean() ? other : other.toUpperCase(Locale.ROOT));
    }
    JsonNode tags = o.get("collaborationTags");
    if (tags.isArray() && r.nextInt(4) > 0) {
      // Mostly the documented tags; Graph types them as any string, so now and then others.
      ArrayNode documented = MetadataValues.JSON.arrayNode();
      tags.forEach(t -> documented.add(Documented.pick(Documented.COLLABORATION_TAGS, r)));
      o.set("collaborationTags", documented);
    }
    return o;
  }

  /**
   * An item id Graph made: mostly a GUID, else any string that can be one segment of a path; unique ignoring case,
   * as Graph matches ids.
   */
  private String itemId() {
    String id;
    do {
      id = r.nextInt(3) > 0 ? GeneratedText.guid(r) : GeneratedText.nonEmpty(r);
    } while (id.equals(".") || id.equals("..") || !ids.add(id.toLowerCase(Locale.ROOT)));
    return id;
  }

  /** A group id: null, a group of the directory (in its case or another), any GUID, or any string. */
  private JsonNode groupId(List<String> groupIds) {
    int shape = r.nextInt(6);
    if (shape == 0) {
      return MetadataValues.JSON.nullNode();
    }
    if (shape <= 2 && !groupIds.isEmpty()) {
      String id = groupIds.get(r.nextInt(groupIds.size()));
      return MetadataValues.JSON.stringNode(r.nextInt(4) == 0 ? id.toUpperCase(Locale.ROOT) : id);
    }
    return MetadataValues.JSON.stringNode(shape == 3 ? GeneratedText.any(r) : GeneratedText.guid(r));
  }

  /** Role template ids: GUIDs, and now and then any string (Graph types them Edm.String). */
  private JsonNode roles() {
    if (r.nextInt(8) == 0) {
      return MetadataValues.JSON.nullNode();
    }
    ArrayNode out = MetadataValues.JSON.arrayNode();
    int n = values.size();
    for (int i = 0; i < n; i++) {
      out.add(r.nextInt(5) == 0 ? GeneratedText.any(r) : GeneratedText.guid(r));
    }
    return out;
  }

  /** A precedence list: profile source URLs with any source id, the Entra ID source somewhere or not at all. */
  JsonNode sourceUrls() {
    if (r.nextInt(8) == 0) {
      return MetadataValues.JSON.nullNode();
    }
    ArrayNode out = MetadataValues.JSON.arrayNode();
    int n = values.size();
    for (int i = 0; i < n; i++) {
      out.add(Documented.sourceUrl(r));
    }
    if (r.nextBoolean()) {
      out.add(ENTRA);
    }
    return out;
  }
}
