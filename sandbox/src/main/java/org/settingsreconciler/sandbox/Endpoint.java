package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Graph endpoint the sandbox serves, as Microsoft's docs describe it: what the metadata does not say. The
 * entity type, its properties and the versions the path exists in come from the metadata itself (see
 * {@link Endpoints}).
 *
 * @param stateName where the state file keeps it: under {@code resources} for a tenant's (those under the
 *     organization object too), in each user's object for a user's ({@code /users/{user}/...})
 * @param path the Graph path, without version
 * @param kind how it is addressed
 * @param entityType the metadata's type of the object or of each item, e.g. {@code microsoft.graph.pronounsSettings}
 * @param versions the versions whose metadata has the path
 * @param getWrapped whether the docs show GET answering {@code {"value": {...}}} rather than the object itself
 * @param fixedIds for {@link Kind#FIXED_IDS}: the ids the docs list
 * @param key for {@link Kind#COLLECTION}: how items are told apart
 * @param required properties the update page marks required: every write must carry them
 * @param requiredOnCreate by version, the properties that version's create page marks required: every create there
 *     must carry them (a version not in the map requires none). Kept apart from {@code required} because an update
 *     page's "Required" contradicts its own intro ("supply only the values for properties to update"), while a create
 *     page's does not.
 * @param notInMetadata documented properties the published metadata lacks, with their Edm type
 * @param listedAs for {@link Kind#CATALOG}: the type whose properties the list shows of each item (the docs' list
 *     answers the base type, the item's GET the whole one), or null where the list shows items whole
 * @param actions the actions bound to the items that the docs describe, served at {@code path/{id}/<name>}
 */
record Endpoint(
    String stateName,
    String path,
    Kind kind,
    String entityType,
    Set<ApiVersion> versions,
    boolean getWrapped,
    List<String> fixedIds,
    ItemKey key,
    List<String> required,
    Map<ApiVersion, List<String>> requiredOnCreate,
    Map<String, String> notInMetadata,
    String listedAs,
    List<ItemAction> actions) {

  /** An endpoint without bound actions whose list (if any) shows its items whole. */
  Endpoint(String stateName, String path, Kind kind, String entityType, Set<ApiVersion> versions, boolean getWrapped,
      List<String> fixedIds, ItemKey key, List<String> required, Map<ApiVersion, List<String>> requiredOnCreate,
      Map<String, String> notInMetadata) {
    this(stateName, path, kind, entityType, versions, getWrapped, fixedIds, key, required, requiredOnCreate,
        notInMetadata, null, List.of());
  }

  enum Kind {
    /** One object at the path: GET and PATCH. */
    SINGLETON,
    /** Objects at {@code path/{id}} for the documented ids only; the parent has no list (405). */
    FIXED_IDS,
    /** A list at the path (GET, POST) and its items at {@code path/{id}} (GET, PATCH, DELETE). */
    COLLECTION,
    /**
     * Items published elsewhere: a list at the path (GET only) and its items at {@code path/{id}} (GET, PATCH), with
     * the actions the docs bind to them at {@code path/{id}/<name>} (POST). Nothing is created or deleted here.
     */
    CATALOG
  }

  /** The properties a write in {@code version} must carry: a create ({@code created}) or an update. */
  List<String> required(ApiVersion version, boolean created) {
    if (!created) {
      return required;
    }
    List<String> out = new ArrayList<>(required);
    requiredOnCreate.getOrDefault(version, List.of()).stream().filter(p -> !out.contains(p)).forEach(out::add);
    return out;
  }

  /** Whether the endpoint hangs off a user ({@code /users/{user}/...}): its items are that user's. */
  boolean perUser() {
    return path.startsWith("/users/{user}/");
  }

  /**
   * Whether the endpoint hangs off the tenant's organization object ({@code /organization/{organization}/...}): it
   * is the tenant's, reached only through the tenant's own organization id.
   */
  boolean underOrganization() {
    return path.startsWith("/organization/{organization}/");
  }

  /** The {@code @odata.type} of its objects. */
  String odataType() {
    return "#" + entityType;
  }
}
