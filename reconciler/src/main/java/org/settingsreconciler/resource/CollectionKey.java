package org.settingsreconciler.resource;

import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How items of a collection are matched between YAML and tenant. Graph makes the ids of most items itself, so the
 * YAML keys items by a natural property instead (an interest's displayName, a card property's
 * directoryPropertyName).
 *
 * @param property the item property that holds the key
 * @param fallback an older property that holds the key where {@code property} is empty, and that a create fills
 *     with the key too (a profile property setting's {@code name}, kept "for backward compatibility"), or null
 * @param caseInsensitive match keys ignoring case, as Graph does for that property
 * @param emptyKeyAlias the YAML key standing for the one item whose key properties are empty (null when none may be)
 * @param idIsKey whether the item's URL segment is the key itself rather than a server-made id
 * @param alternateKey whether Graph addresses an item by the key as an OData alternate key, in the list's own segment
 *     ({@code profileSources(sourceId='hr1')}), rather than as a segment of its own ({@code .../{key}}); implies
 *     {@code idIsKey}
 */
public record CollectionKey(
    String property, String fallback, boolean caseInsensitive, String emptyKeyAlias, boolean idIsKey,
    boolean alternateKey) {

  public CollectionKey {
    if (alternateKey && !idIsKey) {
      throw new IllegalArgumentException(property + ": an alternate key addresses the item, so it is its id");
    }
  }

  /** A key that is not an alternate key. */
  public CollectionKey(
      String property, String fallback, boolean caseInsensitive, String emptyKeyAlias, boolean idIsKey) {
    this(property, fallback, caseInsensitive, emptyKeyAlias, idIsKey, false);
  }

  /**
   * A key Graph addresses items by as an alternate key ({@code list(property='key')}), compared exactly, never
   * empty.
   */
  public static CollectionKey alternate(String property) {
    return new CollectionKey(property, null, false, null, true, true);
  }

  /** A key held in one property. */
  public CollectionKey(String property, boolean caseInsensitive, String emptyKeyAlias, boolean idIsKey) {
    this(property, null, caseInsensitive, emptyKeyAlias, idIsKey);
  }

  /** The properties that hold the key: {@code property}, then {@code fallback} if there is one. */
  public java.util.List<String> properties() {
    return fallback == null ? java.util.List.of(property) : java.util.List.of(property, fallback);
  }

  /**
   * The item's key as Graph holds it: the first of {@link #properties()} that is a non-empty string, else null. Where
   * both are filled and disagree, {@code property} wins (it is the current one; the fallback is kept for old clients).
   */
  public String rawKeyOf(JsonNode item) {
    for (String name : properties()) {
      JsonNode value = item.get(name);
      if (value != null && value.isString() && !value.asString().isEmpty()) {
        return value.asString();
      }
    }
    return null;
  }

  /**
   * The YAML key an item from the tenant is listed under, or null when the YAML cannot name it: it has no key and
   * there is no alias for that, or its key is the alias (a setting named "sourcePrecedence"), which YAML spends on
   * the keyless item; taking it for that one would write the tenant-wide values to it, and prune the real one.
   */
  public String keyOf(JsonNode item) {
    String raw = rawKeyOf(item);
    if (raw == null) {
      return emptyKeyAlias;
    }
    return emptyKeyAlias != null && matchForm(raw).equals(matchForm(emptyKeyAlias)) ? null : raw;
  }

  /** The normalised form used to match keys. */
  public String matchForm(String key) {
    return key == null ? null : caseInsensitive ? key.toLowerCase(Locale.ROOT) : key;
  }

  /**
   * The item's URL segment: the key itself for collections addressed by key, else the server-made id. Every item read
   * from the tenant has it (an item without is not read: see state.AnswerShape); a path is never made up without it.
   */
  public String graphIdOf(JsonNode item) {
    if (idIsKey) {
      return keyOf(item);
    }
    JsonNode id = item.get("id");
    if (id == null || !id.isString()) {
      throw new IllegalArgumentException("an item without its id cannot be addressed");
    }
    return id.asString();
  }

  /** The first item whose key matches {@code key} the way Graph matches it, or null. Items without a key never match. */
  public JsonNode find(java.util.List<JsonNode> items, String key) {
    for (JsonNode item : items) {
      if (java.util.Objects.equals(matchForm(keyOf(item)), matchForm(key))) {
        return item;
      }
    }
    return null;
  }

  public boolean isEmptyKey(String key) {
    return emptyKeyAlias != null && emptyKeyAlias.equals(key);
  }

  /**
   * Puts the key into a create body: into every key property (the docs' create example writes displayName and name
   * alike), except for the empty-key item whose key stays unset.
   */
  public void writeInto(ObjectNode body, String key) {
    if (!isEmptyKey(key)) {
      properties().forEach(name -> body.put(name, key));
    }
  }
}
