package org.settingsreconciler.update;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.export.Exporter;
import org.settingsreconciler.load.SourceMap;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.Delete;
import org.settingsreconciler.plan.Invoke;
import org.settingsreconciler.plan.PlanJson;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.PropertyChange;
import org.settingsreconciler.plan.Update;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.secrets.Secrets;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Accepts drift into the desired-state files ({@code check --update-files}): rewrites the YAML so that it matches
 * the tenant for the drifted settings only, and leaves every other byte alone.
 *
 * <ul>
 *   <li>An update: each drifted property written in a file gets the tenant's value where that value is written.
 *       Properties sent only because the API requires them are not drift and are not touched.
 *   <li>A create (in the YAML, not in the tenant): the item's block is removed.
 *   <li>A prune (in the tenant, not in the YAML): the item is added to its collection, in the first file that
 *       declares the collection, with the tenant's managed properties written the way export writes them.
 * </ul>
 *
 * Settings that could not be read have no changes, so they are never touched; a file with nothing to change is not
 * written at all.
 */
public final class DriftAcceptor {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final List<Path> files;
  private final Secrets secrets;
  private final List<String> notUpdated = new ArrayList<>();
  private Map<Path, FileEdits> loaded;

  /** @param files the desired-state files, in the order the loader merged them */
  public DriftAcceptor(List<Path> files) {
    this(files, new Secrets());
  }

  /** @param secrets the run's: a file whose new text would hold one of its credentials is not written */
  public DriftAcceptor(List<Path> files, Secrets secrets) {
    this.files = List.copyOf(files);
    this.secrets = secrets;
  }

  public UpdateResult accept(Plan plan) throws IOException {
    if (!plan.hasChanges()) {
      return new UpdateResult(List.of(), List.of());
    }
    Map<String, List<Change>> bySetting = new LinkedHashMap<>();
    plan.changes().forEach(c -> bySetting.computeIfAbsent(c.address(), a -> new ArrayList<>()).add(c));
    for (List<Change> changes : bySetting.values()) {
      acceptSetting(changes);
    }
    List<FileUpdate> updated = new ArrayList<>();
    for (FileEdits f : loaded().values()) {
      f.write(notUpdated, secrets).ifPresent(updated::add);
    }
    return new UpdateResult(updated, notUpdated);
  }

  /** One setting's changes: a prune may plan a reset and a delete of the same item. */
  private void acceptSetting(List<Change> changes) {
    ResourceId id = changes.get(0).resource();
    if ((id.key() != null && id.key().contains("${")) || (id.user() != null && id.user().contains("${"))) {
      // YAML writes such a key $${ (or, for ${ not starting a variable, ${ as it is): which one this file holds,
      // and so where the item is, cannot be told from the key alone. Written raw, it could read as a variable.
      skip(id.address(), "its key holds ${, which a file may write as $${; edit it by hand");
      return;
    }
    String item = YamlPointers.of(id);
    Optional<Change> create = changes.stream().filter(c -> c instanceof Create).findFirst();
    Optional<Change> delete = changes.stream().filter(c -> c instanceof Delete).findFirst();
    if (create.isPresent()) {
      removeItem(id, item);
      return;
    }
    if (filesWith(item).isEmpty() && setByABaseLayer(changes)) {
      changes.stream().filter(DriftAcceptor::movesValues).forEach(c -> acceptUpdate(id, item, c));
      return;
    }
    if (filesWith(item).isEmpty()) {
      JsonNode tenant = delete.orElse(changes.get(0)).before();
      addItem(id, tenant);
      return;
    }
    for (Change c : changes) {
      if (movesValues(c)) {
        acceptUpdate(id, item, c);
      } else {
        skip(id.address(), "the tenant holds it more than once; the YAML can hold it only once");
      }
    }
  }

  /** An update or an action: it moves properties of an item the tenant has, which the YAML can take back. */
  private static boolean movesValues(Change c) {
    return c instanceof Update || c instanceof Invoke;
  }

  private void acceptUpdate(ResourceId id, String item, Change u) {
    ResourceDescriptor d = id.descriptor();
    List<PropertyChange> props = new ArrayList<>(PlanJson.properties(u));
    // A key rename goes last: the other properties are found under the old key.
    props.sort(Comparator.comparing((PropertyChange p) -> isKeyRename(d, p)));
    for (PropertyChange p : props) {
      if (isKeyRename(d, p)) {
        rename(id, item, p);
      } else if (p.source() != null) {
        acceptProperty(id, item, p);
      } else {
        skip(id.address() + ": " + p.name(), "the value was chosen by the tool, not written in a file");
      }
    }
  }

  /** Whether the setting is written only in a base layer (not in these files): then it is updated nowhere. */
  private static boolean setByABaseLayer(List<Change> changes) {
    return changes.stream().anyMatch(c -> movesValues(c)
        && PlanJson.properties(c).stream().anyMatch(p -> p.origin() != null && p.origin().layer() != null));
  }

  /** A change of the collection's key itself (a different spelling): the YAML key is rewritten, not a value. */
  private static boolean isKeyRename(ResourceDescriptor d, PropertyChange p) {
    return d.shape() == Shape.COLLECTION && p.name().equals(d.key().property());
  }

  private void acceptProperty(ResourceId id, String item, PropertyChange p) {
    String setting = id.address() + ": " + p.name();
    PropertySpec spec = id.descriptor().property(p.name()).orElse(null);
    JsonNode tenant = p.before() == null ? F.nullNode() : p.before();
    JsonNode value = spec == null ? null : WritableValue.of(spec, tenant, p.after());
    if (value == null) {
      skip(setting, "the tenant's value (" + tenant + ") cannot be written in the YAML; edit it by hand");
      return;
    }
    if (!p.namedEntries().isEmpty()) {
      skip(setting, "its entries are written by name ({group: ...}, {user: ...}); name the tenant's users and groups ("
          + tenant + ") by hand");
      return;
    }
    if (p.writtenAs() != null) {
      skip(setting, "written as the " + (p.groupName() != null ? "group" : "user") + " name \"" + p.writtenAs()
          + "\"; name the tenant's " + (p.groupName() != null ? "group" : "user") + " (" + tenant + ") by hand");
      return;
    }
    FileEdits file = file(p.source().file());
    if (file == null && p.origin() != null && p.origin().layer() != null) {
      // A base layer is shared by other tenants: accepting one tenant's drift there would change them all.
      skip(setting, "set by layer " + p.origin().layer() + " at " + p.source() + ", which other tenants may share; "
          + "override it in this tenant's own files, or change the layer by hand");
      return;
    }
    String pointer = SourceMap.child(item, p.name());
    Optional<YamlSource.Found> at = file == null ? Optional.empty() : file.src().find(pointer);
    if (at.isEmpty()
        || file.src().line(at.get().node()) != p.source().line()
        || file.src().column(at.get().node()) != p.source().column()) {
      skip(setting, p.source().file() + " changed since it was read; run check again");
      return;
    }
    if (at.get().node() instanceof ScalarNode written && written.getValue().matches("(?s).*\\$\\{(env|var):.*")) {
      skip(setting, "written with a variable (" + written.getValue() + "); change the variable's value instead");
      return;
    }
    String unsafe = file.src().unsafe(at.get());
    if (unsafe != null) {
      skip(setting, "not rewritten in place because " + unsafe + "; edit it by hand");
      return;
    }
    file.edit(ValueWriter.replace(file.src(), at.get(), value), t -> t.set(pointer, value), setting);
  }

  /** Graph matched the item ignoring case; the YAML takes the tenant's spelling of the key. */
  private void rename(ResourceId id, String item, PropertyChange p) {
    if (p.before() == null || !p.before().isString()) {
      skip(id.address() + ": " + p.name(), "the tenant's key is not a string");
      return;
    }
    String newKey = p.before().asString();
    for (FileEdits f : filesWith(item)) {
      YamlSource.Found at = f.src().find(item).orElseThrow();
      if (at.key() instanceof ScalarNode key) {
        YamlEdit edit =
            new YamlEdit(f.src().start(key), f.src().end(key),
                ScalarWriter.key(newKey, key.getScalarStyle(), at.inFlow()));
        f.edit(List.of(edit), t -> t.rename(item, newKey), id.address() + ": renamed to " + ResourceId.quote(newKey));
      }
    }
  }

  private void removeItem(ResourceId id, String item) {
    List<FileEdits> holders = filesWith(item);
    if (holders.isEmpty()) {
      skip(id.address(), "not found in the files");
    }
    for (FileEdits f : holders) {
      f.removeItem(YamlPointers.scope(id), id.key(), item, id.address() + ": removed (not in the tenant)");
    }
  }

  private void addItem(ResourceId id, JsonNode tenant) {
    String collection = YamlPointers.scope(id);
    List<FileEdits> holders = filesWith(collection);
    if (id.key() == null || tenant == null || holders.isEmpty()) {
      skip(id.address(), "no file declares " + id.scopeAddress());
      return;
    }
    CollectionKey key = id.descriptor().key();
    for (FileEdits f : holders) {
      JsonNode items = f.src().tree().at(collection);
      for (String k : items.propertyNames()) {
        if (key.matchForm(k).equals(key.matchForm(id.key()))) {
          skip(id.address(), "the YAML already has '" + k + "', which Graph takes for the same item");
          return;
        }
      }
    }
    Map<String, Object> properties = Exporter.properties(id.descriptor(), tenant);
    ObjectNode value = F.objectNode();
    properties.keySet().forEach(name -> value.set(name, tenant.get(name)));
    holders.get(0).addItem(collection, id.key(), properties, value, id.address() + ": added (only in the tenant)");
  }

  private List<FileEdits> filesWith(String pointer) {
    return loaded().values().stream().filter(f -> f.src().find(pointer).isPresent()).toList();
  }

  private FileEdits file(String name) {
    return loaded().entrySet().stream()
        .filter(e -> e.getKey().toString().equals(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  private Map<Path, FileEdits> loaded() {
    if (loaded == null) {
      loaded = new LinkedHashMap<>();
      for (Path p : files) {
        try {
          loaded.put(p, new FileEdits(YamlSource.read(p)));
        } catch (IOException e) {
          notUpdated.add(p + ": not read again for updating: " + e.getMessage());
        }
      }
    }
    return loaded;
  }

  private void skip(String setting, String reason) {
    notUpdated.add(setting + ": " + reason);
  }
}
