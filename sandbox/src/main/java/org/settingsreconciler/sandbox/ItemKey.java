package org.settingsreconciler.sandbox;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * How Graph tells the items of a collection apart, as its docs describe each collection.
 *
 * @param property the property that names an item
 * @param fallback an older property that names it where {@code property} is empty (a profile property setting's
 *     {@code name}), or null
 * @param caseInsensitive whether Graph compares names ignoring case
 * @param oneNameless whether one item may have no name at all (the tenant-wide profile property setting)
 * @param nameIsId whether the item's URL segment is its name rather than a server-made id
 * @param unique whether Graph refuses a second item of the same name (409)
 * @param alternateKey whether the name addresses an item as an OData alternate key in the list's own segment,
 *     {@code profileSources(sourceId='hr1')}, rather than as a segment of its own; implies {@code nameIsId}
 */
record ItemKey(
    String property, String fallback, boolean caseInsensitive, boolean oneNameless, boolean nameIsId,
    boolean unique, boolean alternateKey) {

  /** A key that items are addressed by as a segment of their own (their name or a server-made id). */
  ItemKey(String property, String fallback, boolean caseInsensitive, boolean oneNameless, boolean nameIsId,
      boolean unique) {
    this(property, fallback, caseInsensitive, oneNameless, nameIsId, unique, false);
  }

  /** An alternate key: unique, never empty, compared exactly unless {@code caseInsensitive}. */
  static ItemKey alternate(String property, boolean caseInsensitive) {
    return new ItemKey(property, null, caseInsensitive, false, true, true, true);
  }

  /** Whether Graph gives each item an id of its own: where the name is not the id, and beside an alternate key. */
  boolean serverMakesIds() {
    return !nameIsId || alternateKey;
  }

  /** The properties that hold the name: {@code property}, then {@code fallback} if there is one. */
  List<String> properties() {
    return fallback == null ? List.of(property) : List.of(property, fallback);
  }

  /** The item's name: the first of {@link #properties()} that is a non-empty string, else null. */
  String nameOf(JsonNode item) {
    for (String name : properties()) {
      JsonNode value = item.get(name);
      if (value != null && value.isString() && !value.asString().isEmpty()) {
        return value.asString();
      }
    }
    return null;
  }

  /** The form names are compared in. */
  String matchForm(String name) {
    return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
  }
}
