package org.settingsreconciler.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One Graph endpoint the sandbox serves, as Microsoft's docs describe it: what the metadata does not say. The
 * entity type, its properties and the versions the path exists in come from the metadata itself (see
 * {@link Endpoints}).
 *
 * @param stateName where the state file keeps it: under {@code resources} for a tenant's, in each user's object for
 *     a user's ({@code /users/{user}/...})
 * @param path the Graph path, without version
 * @param kind how it is addressed
 * @param entityType the metadata's type of the object or of each item, e.g. {@code microsoft.graph.pronounsSettings}
 * @param versions the versions whose metadata has the path
 * @param getWrapped whether the docs show GET answering {@code {"value": {...}}} rather than the object itself
 * @param fixedIds for {@link Kind#FIXED_IDS}: the ids the docs list
 * @param key for {@link Kind#COLLECTION}: how items are told apart
 * @param required properties the update page marks required: every write must carry them
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
    Map<String, String> notInMetadata,
    String listedAs,
    List<ItemAction> actions) {

  /** An endpoint without bound actions whose list (if any) shows its items whole. */
  Endpoint(String stateName, String path, Kind kind, String entityType, Set<ApiVersion> versions, boolean getWrapped,
      List<String> fixedIds, ItemKey key, List<String> required, Map<String, String> notInMetadata) {
    this(stateName, path, kind, entityType, versions, getWrapped, fixedIds, key, required, notInMetadata, null,
        List.of());
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

  /** Whether the endpoint hangs off a user ({@code /users/{user}/...}): its items are that user's. */
  boolean perUser() {
    return path.startsWith("/users/{user}/");
  }

  /** The {@code @odata.type} of its objects. */
  String odataType() {
    return "#" + entityType;
  }
}
