package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The items of one collection (a tenant's, or one user's) and the lookups both collection routes need: by URL id,
 * and the uniqueness of keys Graph itself enforces.
 */
final class CollectionItems {

  private final Endpoint endpoint;
  private final ArrayNode items;
  private final SandboxState.User owner;
  private final Call call;

  CollectionItems(Endpoint endpoint, Call call) {
    this.endpoint = endpoint;
    this.call = call;
    this.owner = endpoint.perUser() ? call.requireUser() : null;
    this.items = call.state().items(endpoint, owner);
  }

  SandboxState.User owner() {
    return owner;
  }

  ArrayNode array() {
    return items;
  }

  String contextPath() {
    return Representations.contextPath(call, endpoint, owner);
  }

  List<JsonNode> typed() {
    List<JsonNode> out = new ArrayList<>();
    items.forEach(i -> out.add(Representations.typed(endpoint, (ObjectNode) i)));
    return out;
  }

  /**
   * The items as the list shows them: whole, or (a catalog whose docs list the base type) with only the properties
   * of {@link Endpoint#listedAs}; the item's own GET shows the rest.
   */
  List<JsonNode> listed() {
    if (endpoint.listedAs() == null) {
      return typed();
    }
    java.util.Set<String> shown = org.settingsreconciler.metadata.GraphMetadata
        .load(call.request().version().segment()).properties(endpoint.listedAs()).keySet();
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode i : typed()) {
      ObjectNode item = (ObjectNode) i;
      item.propertyNames().stream().filter(n -> !n.startsWith("@odata.") && !shown.contains(n)).toList()
          .forEach(item::remove);
      out.add(item);
    }
    return out;
  }

  /**
   * The index of the item a URL id names: the key itself where the endpoint says the id is the key (ignoring
   * case as the key does), else the server-made id (a GUID, so ignoring case).
   */
  int indexOf(String urlId) {
    ItemKey key = endpoint.key();
    OptionalInt found =
        IntStream.range(0, items.size())
            .filter(
                i -> {
                  JsonNode item = items.get(i);
                  if (!key.nameIsId()) {
                    return urlId.equalsIgnoreCase(SandboxJson.text(item.get("id")));
                  }
                  String itemKey = SandboxJson.text(item.get(key.property()));
                  return itemKey != null && key.matchForm(urlId).equals(key.matchForm(itemKey));
                })
            .findFirst();
    return found.orElseThrow(() -> GraphErrors.itemNotFound(urlId));
  }

  /**
   * Refuses a second item with the same key (409 nameAlreadyExists). Only tenant-scoped collections: there the key
   * is Graph's (the URL id of card properties; one nameless property setting). Interests have no key in Graph,
   * the tool merely matches them by displayName, so duplicates are allowed as Graph allows them.
   *
   * @param skip the index of the item being updated, or -1
   */
  void requireUniqueKey(ObjectNode candidate, int skip) {
    if (!endpoint.key().unique()) {
      return;
    }
    String wanted = keyForm(candidate);
    for (int i = 0; i < items.size(); i++) {
      if (i != skip && wanted.equals(keyForm(items.get(i)))) {
        String shown = wanted.isEmpty() ? "(no " + endpoint.key().property() + ")" : wanted;
        throw GraphErrors.conflict(
            "An item with " + endpoint.key().property() + " '" + shown + "' already exists.");
      }
    }
  }

  /** A null or empty key counts as the empty key, of which there may be only one. */
  String keyForm(JsonNode item) {
    String text = endpoint.key().nameOf(item);
    return text == null ? "" : endpoint.key().caseInsensitive() ? text.toLowerCase(Locale.ROOT) : text;
  }
}
