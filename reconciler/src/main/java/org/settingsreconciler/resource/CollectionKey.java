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
 * @param caseInsensitive match keys ignoring case, as Graph does for that property
 * @param emptyKeyAlias the YAML key standing for the one item whose key property is empty (null when none may be)
 * @param idIsKey whether the item's URL segment is the key itself rather than a server-made id
 */
public record CollectionKey(String property, boolean caseInsensitive, String emptyKeyAlias, boolean idIsKey) {

  /** The YAML key an item from the tenant is listed under. */
  public String keyOf(JsonNode item) {
    JsonNode value = item.get(property);
    if (value == null || value.isNull() || value.asString().isEmpty()) {
      return emptyKeyAlias;
    }
    return value.asString();
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

  /** Puts the key into a create body: the key property, except for the empty-key item whose key stays unset. */
  public void writeInto(ObjectNode body, String key) {
    if (!isEmptyKey(key)) {
      body.put(property, key);
    }
  }
}
