package org.settingsreconciler.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.settingsreconciler.graph.GraphVersion;
import tools.jackson.databind.JsonNode;

/**
 * Everything the tool knows about one kind of Graph settings resource. The loader, fetcher, differ, applier,
 * exporter and sandbox all read these; adding a setting means adding one descriptor (in {@code defs/}) and its
 * JSON Schema (in {@code schemas/resources/}), nothing else.
 */
public final class ResourceDescriptor {

  private final String type;
  private final String title;
  private final Shape shape;
  private final Scope scope;
  private final String path;
  private final Set<GraphVersion> versions;
  private final String odataType;
  private final List<PropertySpec> properties;
  private final List<String> fixedIds;
  private final CollectionKey key;
  private final PatchRule patchRule;
  private final PruneRule pruneRule;
  private final List<ErrorHint> errorHints;
  private final Permissions permissions;
  private final boolean globalOnly;
  private final boolean getWrappedInValue;
  private final String schemaFile;
  private final List<String> documentedKeys;
  private final List<Reference> references;
  private final List<BoundAction> actions;
  private final AllowList allowList;
  private final List<String> describedBy;

  private ResourceDescriptor(Builder b) {
    this.type = Objects.requireNonNull(b.type);
    this.title = Objects.requireNonNull(b.title);
    this.shape = Objects.requireNonNull(b.shape);
    this.scope = b.scope;
    this.path = Objects.requireNonNull(b.path);
    if (b.versions.isEmpty()) {
      throw new IllegalArgumentException(type + ": say which Graph versions it exists in (versions(...))");
    }
    this.versions = Collections.unmodifiableSet(EnumSet.copyOf(b.versions));
    this.odataType = Objects.requireNonNull(b.odataType);
    this.properties = List.copyOf(b.properties);
    this.fixedIds = List.copyOf(b.fixedIds);
    this.key = b.key;
    this.patchRule = b.patchRule;
    this.pruneRule = b.pruneRule;
    this.errorHints = List.copyOf(b.errorHints);
    this.permissions = Objects.requireNonNull(b.permissions);
    this.globalOnly = b.globalOnly;
    this.getWrappedInValue = b.getWrappedInValue;
    this.schemaFile = Objects.requireNonNull(b.schemaFile);
    this.documentedKeys = b.documentedKeys == null ? null : List.copyOf(b.documentedKeys);
    this.references = List.copyOf(b.references);
    this.actions = List.copyOf(b.actions);
    checkActions();
    this.describedBy = List.copyOf(b.describedBy);
    this.allowList = b.allowList;
    if (allowList != null && (shape != Shape.CATALOG || action(allowList.action()).map(BoundAction::value).isEmpty())) {
      throw new IllegalArgumentException(type + ": an allow-list is of a catalog, and names an action of a fixed value");
    }
    if ((shape == Shape.COLLECTION || shape == Shape.CATALOG) && key == null) {
      throw new IllegalArgumentException(type + ": a collection needs a key");
    }
    if (shape == Shape.FIXED_IDS && fixedIds.isEmpty()) {
      throw new IllegalArgumentException(type + ": fixed ids missing");
    }
  }

  /** Every action names a managed property and has its permissions, and every action's permissions an action. */
  private void checkActions() {
    List<String> names = actions.stream().map(BoundAction::name).toList();
    for (BoundAction a : actions) {
      if (property(a.property()).isEmpty()) {
        throw new IllegalArgumentException(type + ": the action " + a.name() + " sets " + a.property()
            + ", which is no property of it");
      }
    }
    if (!names.equals(List.copyOf(permissions.actions().keySet()))) {
      throw new IllegalArgumentException(type + ": actions " + names + " but permissions for "
          + permissions.actions().keySet() + " (same names, same order)");
    }
  }

  public static Builder builder(String type) {
    return new Builder(type);
  }

  /**
   * The address prefix and the YAML location: {@code copilot.enhancedPersonalization} lives at
   * {@code copilot: enhancedPersonalization:}; a user-scoped type {@code users.interests} lives at
   * {@code users: <upn>: interests:}.
   */
  public String type() {
    return type;
  }

  /** The key under which this resource sits in YAML: the last segment of the type. */
  public String yamlName() {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /**
   * The keys that lead to this resource in YAML below its section (a tenant's) or below {@code users: <upn>:} (a
   * user's): the type's segments after the first. A resource Graph nests in another's object is nested in YAML too:
   * {@code users.settings.itemInsights} lives at {@code users: <upn>: settings: itemInsights:}.
   */
  public List<String> yamlPath() {
    return List.of(type.substring(type.indexOf('.') + 1).split("\\."));
  }

  /** The YAML section the resource sits in for tenant-scoped types: the first segment of the type. */
  public String yamlSection() {
    return type.substring(0, type.indexOf('.'));
  }

  public String title() {
    return title;
  }

  public Shape shape() {
    return shape;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * The Graph path relative to the version root: the object (singleton), the parent of the ids (fixed ids) or the
   * list (collection). User-scoped paths hold {@code {user}}, paths under the tenant's organization object
   * {@code {organization}}. Requests put the version first (see {@link ResourceId}).
   */
  public String path() {
    return path;
  }

  /**
   * Whether the path holds {@link ResourceId#ORGANIZATION}: the resource hangs off the tenant's organization object
   * ({@code /organization/{organization}/settings/...}), whose id is the tenant's and is filled in by the run.
   */
  public boolean underOrganization() {
    return path.contains(ResourceId.ORGANIZATION);
  }

  /**
   * The Graph versions the resource exists in, as Microsoft's metadata has it ({@code MetadataConformanceTest} holds
   * this against the v1.0 metadata). A run uses v1.0 where it is one of them, unless the Graph root names a version.
   */
  public Set<GraphVersion> versions() {
    return versions;
  }

  public String odataType() {
    return odataType;
  }

  public List<PropertySpec> properties() {
    return properties;
  }

  public Optional<PropertySpec> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public List<String> fixedIds() {
    return fixedIds;
  }

  public CollectionKey key() {
    return key;
  }

  /**
   * Whether the YAML can name a collection item by {@code key}: any key, unless the docs limit them (the schema then
   * takes only those, as its key compares). An item of the tenant whose key it is not is data the YAML cannot name.
   */
  public boolean keyDocumented(String key) {
    if (documentedKeys == null) {
      return true;
    }
    return documentedKeys.stream().anyMatch(k -> this.key.matchForm(k).equals(this.key.matchForm(key)));
  }

  /** The keys the docs limit a collection's items to (the schema takes only those), or empty where any key goes. */
  public Optional<List<String>> documentedKeys() {
    return Optional.ofNullable(documentedKeys);
  }

  public PatchRule patchRule() {
    return patchRule;
  }

  public PruneRule pruneRule() {
    return pruneRule;
  }

  public List<ErrorHint> errorHints() {
    return errorHints;
  }

  public Permissions permissions() {
    return permissions;
  }

  /** The actions Graph binds to the resource's items that the tool sends, in the order plans list them. */
  public List<BoundAction> actions() {
    return actions;
  }

  public Optional<BoundAction> action(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The action that brings {@code property} to {@code desired}, if an action sets that property and can. */
  public Optional<BoundAction> actionReaching(String property, JsonNode desired) {
    return actions.stream().filter(a -> a.property().equals(property) && a.reaches(desired)).findFirst();
  }

  /** Whether actions set {@code property}: then no PATCH ever carries it. */
  public boolean setByAction(String property) {
    return actions.stream().anyMatch(a -> a.property().equals(property));
  }

  /**
   * Every operation the tool may send to this resource: those of its shape ({@link Operation#of(Shape)}), then its
   * actions.
   */
  public List<Operation> operations() {
    List<Operation> out = new ArrayList<>(Operation.of(shape));
    actions.forEach(a -> out.add(Operation.action(a.name())));
    return out;
  }

  /**
   * The tenant's properties that tell people which item an id is (an agent's displayName and publisher), shown beside
   * its address in plans and exports; never managed, never compared. Empty where the address says enough.
   */
  public List<String> describedBy() {
    return describedBy;
  }

  /** The properties of {@code item} that {@link #describedBy()} names, as the tenant has them; null without any. */
  public tools.jackson.databind.node.ObjectNode description(JsonNode item) {
    if (describedBy.isEmpty() || item == null || !item.isObject()) {
      return null;
    }
    tools.jackson.databind.node.ObjectNode out = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (String name : describedBy) {
      JsonNode v = item.get(name);
      if (v != null && v.isString()) {
        out.set(name, v);
      }
    }
    return out.isEmpty() ? null : out;
  }

  /**
   * A {@link #description} as plans and exports word it: {@code displayName "Contoso HR Agent", publisher "Contoso"}.
   * The values come from the tenant, so they are quoted as addresses quote keys (see {@link ResourceId#quote}): a
   * line break or a format character cannot make them read as something else, or end a comment in exported YAML.
   */
  public static String descriptionText(tools.jackson.databind.node.ObjectNode description) {
    List<String> parts = new ArrayList<>();
    description.properties().forEach(e -> parts.add(e.getKey() + " " + ResourceId.quote(e.getValue().asString())));
    return String.join(", ", parts);
  }

  /** What the YAML may say of a catalog's items it does not name, or null where it says nothing of them. */
  public AllowList allowList() {
    return allowList;
  }

  /** The docs list the global cloud only for this resource. */
  public boolean globalOnly() {
    return globalOnly;
  }

  /**
   * The docs show a single GET of this resource (of one item, for a collection) wrapped as {@code {"value": {...}}},
   * else bare (the table "GET envelopes" in docs/metadata-differences.md gives each page). The sandbox answers so;
   * the tool reads either form.
   */
  public boolean getWrappedInValue() {
    return getWrappedInValue;
  }

  /** The JSON Schema of one resource's YAML, relative to {@code schemas/}. */
  public String schemaFile() {
    return schemaFile;
  }

  /** The properties whose values name items of another collection (see {@link Reference}); usually none. */
  public List<Reference> references() {
    return references;
  }

  @Override
  public String toString() {
    return type;
  }

  /** Builds a descriptor; see the classes in {@code defs/} for use. */
  public static final class Builder {
    private final String type;
    private String title;
    private Shape shape = Shape.SINGLETON;
    private Scope scope = Scope.TENANT;
    private String path;
    private final Set<GraphVersion> versions = EnumSet.noneOf(GraphVersion.class);
    private String odataType;
    private final List<PropertySpec> properties = new ArrayList<>();
    private final List<String> fixedIds = new ArrayList<>();
    private CollectionKey key;
    private PatchRule patchRule = PatchRule.NONE;
    private PruneRule pruneRule = PruneRule.DELETE;
    private final List<ErrorHint> errorHints = new ArrayList<>();
    private Permissions permissions;
    private boolean globalOnly;
    private boolean getWrappedInValue;
    private String schemaFile;
    private List<String> documentedKeys;
    private final List<Reference> references = new ArrayList<>();
    private final List<BoundAction> actions = new ArrayList<>();
    private AllowList allowList;
    private final List<String> describedBy = new ArrayList<>();

    private Builder(String type) {
      this.type = type;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder singleton(String graphPath) {
      shape = Shape.SINGLETON;
      path = graphPath;
      return this;
    }

    public Builder fixedIds(String parentPath, List<String> ids) {
      shape = Shape.FIXED_IDS;
      path = parentPath;
      fixedIds.addAll(ids);
      return this;
    }

    public Builder collection(String listPath, CollectionKey k) {
      shape = Shape.COLLECTION;
      path = listPath;
      key = k;
      return this;
    }

    /** A catalog (see {@link Shape#CATALOG}): its list, and how its ids compare ({@code k.property()} is the id). */
    public Builder catalog(String listPath, CollectionKey k) {
      shape = Shape.CATALOG;
      path = listPath;
      key = k;
      return this;
    }

    /** The tenant's properties that tell people which item an id is (see {@link ResourceDescriptor#describedBy}). */
    public Builder describedBy(String... names) {
      describedBy.addAll(List.of(names));
      return this;
    }

    /** The switch by which the YAML sends an action to every item of the catalog it does not name. */
    public Builder allowList(AllowList a) {
      allowList = a;
      return this;
    }

    /** The Graph versions the resource exists in (required). */
    public Builder versions(GraphVersion... vs) {
      versions.addAll(List.of(vs));
      return this;
    }

    public Builder perUser() {
      scope = Scope.USER;
      return this;
    }

    public Builder odataType(String v) {
      odataType = v;
      return this;
    }

    public Builder property(PropertySpec p) {
      properties.add(p);
      return this;
    }

    public Builder patchRule(PatchRule r) {
      patchRule = r;
      return this;
    }

    public Builder pruneRule(PruneRule r) {
      pruneRule = r;
      return this;
    }

    public Builder errorHint(int status, String code, String explanation) {
      errorHints.add(new ErrorHint(status, code, explanation));
      return this;
    }

    /** An action Graph binds to the items that sets a property (its permissions go in {@link #permissions}). */
    public Builder action(BoundAction a) {
      actions.add(a);
      return this;
    }

    public Builder permissions(Permissions p) {
      permissions = p;
      return this;
    }

    public Builder globalOnly() {
      globalOnly = true;
      return this;
    }

    public Builder getWrappedInValue() {
      getWrappedInValue = true;
      return this;
    }

    /** The only keys the docs allow for the collection's items (the schema's propertyNames say the same). */
    public Builder keysLimitedTo(List<String> keys) {
      documentedKeys = keys;
      return this;
    }

    /** A property of this resource names items of another collection (see {@link Reference}). */
    public Builder references(Reference r) {
      references.add(r);
      return this;
    }

    public Builder schema(String file) {
      schemaFile = file;
      return this;
    }

    public ResourceDescriptor build() {
      return new ResourceDescriptor(this);
    }
  }
}
