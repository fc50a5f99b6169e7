package org.settingsreconciler.export;

import org.settingsreconciler.text.Plural;
import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.plan.Duplicate;
import org.settingsreconciler.plan.ReadFailure;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.UsersAndGroups;
import org.settingsreconciler.resource.ValueKind;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.load.VariableSubstitution;
import tools.jackson.databind.JsonNode;

/**
 * Turns what was read from the tenant into desired-state YAML that validates and plans to no changes: every
 * managed property as the tenant has it, laid out the way the descriptors place it in YAML.
 */
public final class Exporter {

  /** Kinds whose schema allows null: a null there is exported, so that "must stay null" is managed too. */
  private static final Set<ValueKind> NULLABLE = Set.of(ValueKind.GUID, ValueKind.GROUP_ID, ValueKind.STRING);

  private final VersionChoice versions;

  /** An exporter for a run whose Graph root has no version. */
  public Exporter() {
    this(VersionChoice.EACH_RESOURCE);
  }

  /** An exporter whose advice names the paths of the versions {@code versions} chooses (the run's root says which). */
  public Exporter(VersionChoice versions) {
    this.versions = versions;
  }

  public ExportResult export(CurrentState state, List<String> users, String origin) {
    return export(state, users, origin, Map.of());
  }

  /**
   * As {@link #export(CurrentState, List, String)}, writing {@code {group: "<name>"}} for the group ids that
   * {@code groupNames} (keyed by lower-cased id, see GroupNaming) names. The users are written in the order given.
   */
  public ExportResult export(CurrentState state, List<String> users, String origin, Map<String, String> groupNames) {
    ExportWriter writer = new ExportWriter(this);
    writer.users(users, state);
    return writer.finish(state, origin, groupNames);
  }

  /**
   * The tenant-wide sections of an export (every user-scoped one left out), in registry order, with an empty
   * {@code users} section where the users go (see {@link ExportWriter}).
   */
  Map<String, Object> tenantWide(CurrentState state, Map<String, String> groupNames, Findings findings) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      if (d.scope() == Scope.USER) {
        section(root, USERS);
        continue;
      }
      Map<String, Object> section = section(root, d.yamlSection());
      switch (d.shape()) {
        case SINGLETON -> exportSingleton(ResourceId.singleton(d), state, section, groupNames, findings.failures());
        case FIXED_IDS -> exportFixedIds(d, state, section, findings.notes(), findings.failures());
        case COLLECTION -> exportCollection(d, null, state, section, findings.notes(), findings.warnings(),
            findings.failures());
        case CATALOG -> exportCatalog(d, state, section, findings.failures(), groupNames);
      }
    }
    return root;
  }

  /** The section the users are written in. */
  static final String USERS = "users";

  /**
   * One user's object: each user-scoped resource as the tenant has it, in registry order, nested as Graph nests them.
   * Users' settings hold no group ids, so there are no group names to write.
   */
  Map<String, Object> user(String user, CurrentState state, Findings findings) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (ResourceDescriptor d : ResourceRegistry.userScoped()) {
      Map<String, Object> parent = object;
      // Where Graph nests the resource in another (a user's itemInsights in their settings), so does the YAML.
      for (String key : d.yamlPath().subList(0, d.yamlPath().size() - 1)) {
        parent = section(parent, key);
      }
      if (d.shape() == Shape.COLLECTION) {
        exportCollection(d, user, state, parent, findings.notes(), findings.warnings(), findings.failures());
      } else {
        exportSingleton(new ResourceId(d, user, null), state, parent, Map.of(), findings.failures());
      }
    }
    return object;
  }

  /** What an export found to say beside its YAML: notes, warnings and reads that failed (see {@link ExportResult}). */
  record Findings(List<String> notes, List<String> warnings, List<ReadFailure> failures) {
    Findings() {
      this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }
  }

  /**
   * The comment lines an export starts with: where it comes from, and whether planning it shows no changes (only a
   * whole export may promise that: one with settings it could not read says which are missing, one whose user list
   * broke says so), then each warning.
   */
  static String header(String origin, Findings findings, boolean usersListBroken) {
    List<ReadFailure> failures = findings.failures();
    String promise = failures.isEmpty() && !usersListBroken
        ? "# Every managed setting as the tenant has it: planning this file shows no changes.\n" : "";
    if (usersListBroken) {
      promise += "# INCOMPLETE: the tenant's users could not all be listed: users not listed before the list broke "
          + "are left out.\n";
    }
    if (!failures.isEmpty()) {
      promise += "# INCOMPLETE: " + Plural.count(failures.size(), "setting") + " could not be read and "
          + Plural.pick(failures.size(), "is", "are") + " left out: "
          + String.join(", ", failures.stream().map(ReadFailure::address).toList()) + ".\n";
    }
    StringBuilder header =
        new StringBuilder("# Exported by settings-reconciler from " + ResourceId.visible(origin) + ".\n" + promise);
    for (String w : findings.warnings()) {
      // A comment ends at a line break, and a control character makes the file unreadable: ids come from the tenant.
      header.append("#\n# WARNING: ").append(ResourceId.visible(w.replace("\n", " ").replace("\r", " ")))
          .append('\n');
    }
    return header.toString();
  }

  /**
   * One object's managed properties, into the object already under its name where there is one (a user's settings,
   * written before what Graph nests in them, which leaves its key there).
   */
  private static void exportSingleton(ResourceId id, CurrentState state, Map<String, Object> parent,
      Map<String, String> groupNames, List<ReadFailure> failures) {
    GraphResult<JsonNode> read = state.object(id.address());
    if (read.ok()) {
      section(parent, id.descriptor().yamlName()).putAll(properties(id.descriptor(), read.value(), groupNames));
    } else {
      failures.add(new ReadFailure(id.address(), read.error()));
    }
  }

  private static void exportFixedIds(
      ResourceDescriptor d,
      CurrentState state,
      Map<String, Object> section,
      List<String> notes,
      List<ReadFailure> failures) {
    Map<String, Object> items = new LinkedHashMap<>();
    for (String id : d.fixedIds()) {
      ResourceId rid = new ResourceId(d, null, id);
      GraphResult<JsonNode> read = state.object(rid.address());
      if (!read.ok()) {
        GraphError e = read.error();
        if (e.hint() != null && (e.status() == 404 || e.status() == 422)) {
          notes.add(rid.address() + " left out: " + e.hint());
        } else {
          failures.add(new ReadFailure(rid.address(), e));
        }
        continue;
      }
      JsonNode value = read.value().get("value");
      if (value == null || value.isNull()) {
        notes.add(rid.address() + " left out: not configured in the tenant");
        continue;
      }
      items.put(id, properties(d, read.value(), Map.of()));
    }
    if (!items.isEmpty()) {
      section.put(d.yamlName(), items);
    }
  }

  /**
   * Every item a catalog lists, each as its own GET shows it (see StateReader), under its id; a comment above each
   * says what the tenant calls it (an agent's displayName and publisher), since an id alone tells people nothing.
   * The allow-list switch is not written: left out, it leaves the tenant's other items alone, as the tenant is.
   */
  private static void exportCatalog(ResourceDescriptor d, CurrentState state, Map<String, Object> section,
      List<ReadFailure> failures, Map<String, String> groupNames) {
    String address = d.type();
    GraphResult<List<JsonNode>> list = state.collection(address);
    if (list == null || !list.ok()) {
      failures.add(new ReadFailure(address, list == null ? null : list.error()));
      return;
    }
    Map<Object, Object> items = new LinkedHashMap<>();
    for (JsonNode listed : list.value()) {
      String id = d.key().keyOf(listed);
      if (id == null) {
        continue; // no id to name it by (the list's reader let it through only with one)
      }
      ResourceId rid = new ResourceId(d, null, id);
      GraphResult<JsonNode> read = state.object(rid.address());
      if (read == null || !read.ok()) {
        failures.add(new ReadFailure(rid.address(), read == null ? null : read.error()));
        continue;
      }
      var description = d.description(read.value());
      String key = VariableSubstitution.literal(id);
      items.put(description == null ? key : new YamlWriter.CommentedKey(key, ResourceDescriptor.descriptionText(description)),
          properties(d, read.value(), groupNames));
    }
    section.put(d.yamlName(), items);
  }

  private void exportCollection(
      ResourceDescriptor d,
      String user,
      CurrentState state,
      Map<String, Object> parent,
      List<String> notes,
      List<String> warnings,
      List<ReadFailure> failures) {
    String address = ResourceId.scopeAddress(d, user);
    GraphResult<List<JsonNode>> read = state.collection(address);
    if (!read.ok()) {
      failures.add(new ReadFailure(address, read.error()));
      return;
    }
    CollectionKey key = d.key();
    Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
    for (JsonNode item : read.value()) {
      String k = key.keyOf(item);
      if (k == null) {
        String raw = key.rawKeyOf(item);
        if (raw == null && !key.idIsKey()) {
          // Graph made its id: it can be named in the warning, and deleted by it.
          warnings.add(keyless(d, user, key, item));
        } else {
          notes.add(address + ": " + (raw == null ? "an item without " + key.property()
              : "the item named " + ResourceId.quote(raw) + ", the word the YAML keeps for the item without a "
                  + key.property() + ",") + " left out");
        }
        continue;
      }
      if (!d.keyDocumented(k)) {
        // The metadata types the key as any string, but the YAML can name only what the docs allow (the schema).
        notes.add(new ResourceId(d, user, k).address() + " left out: " + key.property() + " " + ResourceId.quote(k)
            + " is none the docs allow, so the YAML cannot name it");
        continue;
      }
      byKey.computeIfAbsent(key.matchForm(k), f -> new ArrayList<>()).add(item);
    }
    Map<String, Object> items = new LinkedHashMap<>();
    for (List<JsonNode> copies : byKey.values()) {
      JsonNode first = copies.get(0);
      ResourceId id = new ResourceId(d, user, key.keyOf(first));
      // Keys are read like values: a key holding ${ is written $${, or it would be taken for a variable.
      Map<String, Object> values = properties(d, first, Map.of());
      if (values.isEmpty() && key.isEmptyKey(key.keyOf(first))) {
        // The YAML's sourcePrecedence needs a value (a create from nothing is refused), and this one holds none the
        // YAML manages: there is nothing to write, and leaving it out plans no change.
        notes.add(id.address() + " left out: it holds no value the YAML manages");
      } else {
        items.put(VariableSubstitution.literal(key.keyOf(first)), values);
      }
      if (copies.size() > 1) {
        // YAML holds one item per key: the others cannot be exported, and must not vanish without a word.
        List<String> ids = copies.stream().map(key::graphIdOf).toList();
        Duplicate dup = new Duplicate(id, ids, ids.stream().map(i -> id.objectPath(versions, i)).toList(), false, false);
        warnings.add(id.address() + " " + dup.problem() + ": exported once, as " + ids.get(0)
            + " (the first Graph lists). " + dup.resolution() + ".");
      }
    }
    parent.put(d.yamlName(), items);
  }

  /**
   * Why an item without a key (an interest whose displayName is empty or null) is not in the export, and what to do.
   * YAML keys items by that property and a key cannot be empty, so no YAML can name the item: leaving it out is the
   * only export that validates, and plan and apply leave it alone. It is tenant data all the same: a warning, with
   * its id, so it does not vanish without a word.
   */
  private String keyless(ResourceDescriptor d, String user, CollectionKey key, JsonNode item) {
    String address = ResourceId.scopeAddress(d, user);
    String id = key.graphIdOf(item);
    String path = new ResourceId(d, user, id).objectPath(versions, id);
    return address + " holds an item whose " + key.property() + " is "
        + (item.path(key.property()).isString() ? "empty" : "null") + " (id " + ResourceId.visible(id) + "): left out, as the YAML "
        + "names items by " + key.property() + " and cannot name it; plan and apply never touch it, even with prune. "
        + "Give it a " + key.property() + " in Microsoft 365, or delete it (DELETE " + path + "), to manage it.";
  }

  /** The managed properties of a tenant object as YAML values, leaving out what the YAML cannot hold. */
  public static Map<String, Object> properties(ResourceDescriptor d, JsonNode object) {
    return properties(d, object, Map.of());
  }

  /** As {@link #properties(ResourceDescriptor, JsonNode)}, with the group ids {@code groupNames} names as names. */
  static Map<String, Object> properties(ResourceDescriptor d, JsonNode object, Map<String, String> groupNames) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (PropertySpec p : d.properties()) {
      JsonNode v = object.get(p.name());
      if (!exportable(p, v)) {
        continue;
      }
      if (p.kind() == ValueKind.USERS_AND_GROUPS && v.isArray()) {
        List<Object> entries = new ArrayList<>();
        v.forEach(e -> entries.add(named(e, groupNames)));
        out.put(p.name(), entries);
        continue;
      }
      String name = p.kind() == ValueKind.GROUP_ID && v.isString()
          ? groupNames.get(v.asString().toLowerCase(java.util.Locale.ROOT)) : null;
      out.put(p.name(), name == null ? YamlWriter.plain(v) : Map.of("group", VariableSubstitution.literal(name)));
    }
    return out;
  }

  /** An entry of a users-and-groups list: a group {@code groupNames} names as {@code {group: name}}, else as is. */
  private static Object named(JsonNode entry, Map<String, String> groupNames) {
    boolean group = entry.path(UsersAndGroups.TYPE).asString("").equalsIgnoreCase(UsersAndGroups.GROUP);
    String name = group && entry.path(UsersAndGroups.ID).isString()
        ? groupNames.get(entry.get(UsersAndGroups.ID).asString().toLowerCase(java.util.Locale.ROOT)) : null;
    return name == null ? YamlWriter.plain(entry) : Map.of(UsersAndGroups.GROUP, VariableSubstitution.literal(name));
  }

  /**
   * Whether the YAML can hold this tenant value: null only where the schema allows it (ids and strings); an owner
   * only where there is one (the YAML can hand an agent to a user, not to nobody, and an empty id is none).
   */
  public static boolean exportable(PropertySpec p, JsonNode v) {
    if (p.kind() == ValueKind.USER_ID && v != null && v.isString() && v.asString().isEmpty()) {
      return false;
    }
    return v != null && !v.isMissingNode() && (!v.isNull() || NULLABLE.contains(p.kind()));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> section(Map<String, Object> parent, String name) {
    return (Map<String, Object>) parent.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
  }
}
