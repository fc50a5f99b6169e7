package org.settingsreconciler.generative;

import org.settingsreconciler.metadata.GraphMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;
import org.settingsreconciler.resource.defs.ProfileSources;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Scope;
import tools.jackson.databind.JsonNode;

/**
 * Whether the tenant, read back after apply (the sandbox's state), holds the desired state for every property the
 * YAML manages: each value as written (sets in any order, group ids ignoring case and named groups as their ids,
 * precedence lists with the Entra ID source Graph appends), each item under its key as spelt in the YAML, and, where
 * pruning is on, no keyed item the YAML does not name. Written apart from the differ, so that a differ that calls two
 * different values equal does not pass here.
 */
final class ReadBack {

  private final JsonNode tenant;
  private final List<String> mismatches = new ArrayList<>();

  private ReadBack(JsonNode tenant) {
    this.tenant = tenant;
  }

  /** What differs, one line each; empty when the tenant holds the desired state. */
  static List<String> mismatches(JsonNode desired, JsonNode tenant) {
    ReadBack check = new ReadBack(tenant);
    Set<String> pruned = new HashSet<>();
    desired.path("prune").forEach(p -> pruned.add(p.asString()));
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      if (d.scope() == Scope.USER) {
        for (Map.Entry<String, JsonNode> user : desired.path("users").properties()) {
          JsonNode items = check.user(user.getKey()).path(d.yamlName());
          JsonNode wanted = user.getValue().get(d.yamlName());
          if (wanted != null) {
            check.collection(d, "users[" + user.getKey() + "]." + d.yamlName(), wanted, items, pruned.contains(d.type()));
          }
        }
        continue;
      }
      JsonNode wanted = desired.path(d.yamlSection()).get(d.yamlName());
      if (wanted == null) {
        continue;
      }
      JsonNode have = tenant.path("resources").path(d.type());
      switch (d.shape()) {
        case SINGLETON -> check.object(d, d.type(), wanted, have);
        case FIXED_IDS -> wanted.properties().forEach(e -> check.object(d, d.type() + "[" + e.getKey() + "]",
            e.getValue(), have.path(e.getKey())));
        case COLLECTION -> check.collection(d, d.type(), wanted, have, pruned.contains(d.type()));
        case CATALOG -> check.catalog(d, wanted, have,
            desired.path(d.yamlSection()).path(d.allowList().yamlKey()).asString("").equals("block"));
      }
    }
    return check.mismatches;
  }

  /**
   * Each agent the YAML names holds its values, found by id ignoring case; with the allow-list switch on, every agent
   * it does not name is blocked (none deleted: the catalog's agents are all still there).
   */
  private void catalog(ResourceDescriptor d, JsonNode wanted, JsonNode items, boolean allowList) {
    Set<String> named = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : wanted.properties()) {
      named.add(e.getKey().toLowerCase(Locale.ROOT));
      JsonNode item = null;
      for (JsonNode candidate : items) {
        if (candidate.path("id").asString("").equalsIgnoreCase(e.getKey())) {
          item = candidate;
        }
      }
      if (item == null) {
        mismatches.add(d.type() + "[" + e.getKey() + "]: not in the tenant's catalog");
        continue;
      }
      object(d, d.type() + "[" + e.getKey() + "]", e.getValue(), item);
    }
    if (allowList) {
      items.forEach(item -> {
        String id = item.path("id").asString("");
        if (!named.contains(id.toLowerCase(Locale.ROOT)) && !item.path("isBlocked").asBoolean(false)) {
          mismatches.add(d.type() + "[" + id + "]: not listed, yet not blocked although the allow-list is on");
        }
      });
    }
  }

  private JsonNode user(String upn) {
    for (Map.Entry<String, JsonNode> e : tenant.path("users").properties()) {
      if (e.getKey().equalsIgnoreCase(upn)) {
        return e.getValue();
      }
    }
    mismatches.add("users[" + upn + "]: no such user in the tenant");
    return MetadataValues.JSON.missingNode();
  }

  private void collection(ResourceDescriptor d, String where, JsonNode wanted, JsonNode items, boolean prune) {
    CollectionKey key = d.key();
    Set<String> named = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : wanted.properties()) {
      String k = e.getKey();
      named.add(wanted(key, k));
      List<JsonNode> copies = new ArrayList<>();
      items.forEach(item -> {
        if (Objects.equals(wanted(key, k), held(key, item))) {
          copies.add(item);
        }
      });
      String at = where + "[" + k + "]";
      if (copies.isEmpty()) {
        mismatches.add(at + ": not in the tenant");
        continue;
      }
      if (prune && copies.size() > 1) {
        mismatches.add(at + ": " + copies.size() + " copies left although pruning is on");
      }
      JsonNode item = copies.get(0);
      // Spelt as the YAML spells it, in the key property, or in the older one where the key property is empty (a
      // property setting Graph knows by its name only keeps it: nothing renames it).
      String spelt = item.path(key.property()).asString(null);
      if ((spelt == null || spelt.isEmpty()) && key.fallback() != null) {
        spelt = item.path(key.fallback()).asString(null);
      }
      if (!key.idIsKey() && !key.isEmptyKey(k) && !k.equals(spelt)) {
        mismatches.add(at + ": " + key.property() + " is " + item.get(key.property()) + ", not as the YAML spells it");
      }
      object(d, at, e.getValue(), item);
    }
    if (prune) {
      items.forEach(item -> {
        String k = held(key, item);
        // Items without a key cannot be named, so pruning leaves them; the nameless precedence entry is reset instead.
        // A named item called by the reserved word (sourcePrecedence) cannot be named either: it is left too.
        boolean reserved = k != null && key.emptyKeyAlias() != null && !k.equals(NAMELESS)
            && k.equalsIgnoreCase(key.emptyKeyAlias());
        // The Microsoft Entra ID profile source always exists: pruning never deletes it (either documented id).
        boolean entra = d == ProfileSources.DESCRIPTOR && k != null && ProfilePropertySettings.ENTRA_SOURCE_IDS
            .stream().anyMatch(k::equalsIgnoreCase);
        if (k != null && !k.equals(NAMELESS) && !reserved && !entra && !named.contains(k)) {
          mismatches.add(where + ": " + k + " is still in the tenant although pruning is on");
        }
      });
    }
  }

  /** Stands for the one item whose key is empty, which the YAML names by its reserved word (sourcePrecedence). */
  private static final String NAMELESS = "(nameless)";

  /**
   * The key a YAML key names, as matched here: its reserved word names the nameless item, whatever a named item is
   * called; any other key names the item of that name, ignoring case where the key does. Worked out apart from
   * {@link CollectionKey#keyOf}, so that the tool's own matching is checked, not repeated.
   */
  private static String wanted(CollectionKey key, String yamlKey) {
    return key.isEmptyKey(yamlKey) ? NAMELESS : fold(key, yamlKey);
  }

  /**
   * The key a tenant item holds: its key property, else the older one Graph keeps for backward compatibility (a
   * property setting's name where its displayName is empty), or {@link #NAMELESS} when both are empty (or null where
   * no item may be nameless).
   */
  private static String held(CollectionKey key, JsonNode item) {
    for (String property : key.fallback() == null ? List.of(key.property()) : List.of(key.property(), key.fallback())) {
      JsonNode v = item.get(property);
      if (v != null && !v.isNull() && !v.asString().isEmpty()) {
        return fold(key, v.asString());
      }
    }
    return key.emptyKeyAlias() == null ? null : NAMELESS;
  }

  private static String fold(CollectionKey key, String k) {
    return key.caseInsensitive() ? k.toLowerCase(Locale.ROOT) : k;
  }

  private void object(ResourceDescriptor d, String where, JsonNode wanted, JsonNode have) {
    wanted.properties().forEach(e -> {
      PropertySpec p = d.property(e.getKey()).orElseThrow();
      JsonNode actual = have.get(p.name());
      if (!same(d, p, e.getValue(), actual)) {
        mismatches.add(where + "." + p.name() + ": " + difference("", e.getValue(), actual));
      }
    });
  }

  private boolean same(ResourceDescriptor d, PropertySpec p, JsonNode want, JsonNode have) {
    boolean wantNone = want == null || want.isNull();
    boolean haveNone = have == null || have.isNull();
    if (wantNone && DesiredGenerator.graphFillsDefault(d, p)) {
      return true; // null asks for Graph's own default, whatever it is
    }
    GraphMetadata.Property type = MetadataValues.properties(MetadataValues.typeOf(d)).get(p.name());
    if (type != null && !wantNone && !haveNone && want.isString() && have.isString()
        && MetadataValues.BETA.isEnum(type.type()) && MetadataValues.BETA.enumType(type.type()).flags()) {
      // A flags enum's members are a set, whatever order they are listed in (the metadata says flags).
      return flags(want.asString()).equals(flags(have.asString()));
    }
    return switch (p.kind()) {
      case GROUP_ID, GUID -> {
        String w = want != null && want.isObject() ? groupIdNamed(want.path("group").asString()) : text(want);
        String h = text(have);
        yield w == null || w.isEmpty() ? h == null || h.isEmpty() : w.equalsIgnoreCase(h);
      }
      case USER_ID -> {
        String w = want != null && want.isObject() ? userIdNamed(want.path("user").asString()) : text(want);
        String h = text(have);
        yield w == null || w.isEmpty() ? h == null || h.isEmpty() : w.equalsIgnoreCase(h);
      }
      case USERS_AND_GROUPS -> entries(want).equals(entries(have));
      case STRING_SET -> asSet(want).equals(asSet(have));
      // Graph appends the Entra ID source to a list that lacks it: the descriptor's own model of that is the spec.
      case STRING_LIST -> p.comparator().satisfied(want, have);
      default -> wantNone ? haveNone : want.equals(have);
    };
  }

  private static java.util.Set<String> flags(String members) {
    return java.util.Arrays.stream(members.split(",")).map(String::strip).collect(java.util.stream.Collectors.toSet());
  }

  /** Where two values first differ, with both sides there: whole lists of annotations are too long to read. */
  static String difference(String at, JsonNode want, JsonNode have) {
    if (want != null && have != null && want.isContainer() && have.isContainer()
        && want.getNodeType() == have.getNodeType() && want.size() == have.size()) {
      for (String name : want.isObject() ? want.propertyNames() : java.util.stream.IntStream.range(0, want.size())
          .mapToObj(String::valueOf).toList()) {
        JsonNode w = want.isObject() ? want.get(name) : want.get(Integer.parseInt(name));
        JsonNode h = have.isObject() ? have.get(name) : have.get(Integer.parseInt(name));
        if (w == null ? h != null : !w.equals(h)) {
          return difference(at + "/" + name, w, h);
        }
      }
    }
    return (at.isEmpty() ? "" : "at " + at + ", ") + "the YAML says " + want + ", the tenant holds " + have;
  }

  /**
   * Users and groups as a set of "type id", ids lower-cased (Entra ids ignore case), an entry written by name as the
   * id the directory gives it.
   */
  private Set<String> entries(JsonNode list) {
    Set<String> out = new HashSet<>();
    if (list == null || !list.isArray()) {
      return out;
    }
    for (JsonNode e : list) {
      String type = e.has("user") ? "user" : e.has("group") ? "group" : e.path("resourceType").asString("");
      String id = e.has("user") ? userIdNamed(e.get("user").asString())
          : e.has("group") ? groupIdNamed(e.get("group").asString()) : e.path("resourceId").asString("");
      out.add(type.toLowerCase(Locale.ROOT) + " " + id.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private String userIdNamed(String upn) {
    for (Map.Entry<String, JsonNode> e : tenant.path("users").properties()) {
      if (e.getKey().equalsIgnoreCase(upn)) {
        return e.getValue().path("id").asString();
      }
    }
    return "(no user named " + upn + ")";
  }

  private String groupIdNamed(String name) {
    for (JsonNode g : tenant.path("groups")) {
      if (g.path("displayName").asString().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return g.path("id").asString();
      }
    }
    return "(no group named " + name + ")";
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asString();
  }

  private static Set<JsonNode> asSet(JsonNode n) {
    Set<JsonNode> out = new HashSet<>();
    if (n != null && n.isArray()) {
      n.forEach(out::add);
    }
    return out;
  }
}
