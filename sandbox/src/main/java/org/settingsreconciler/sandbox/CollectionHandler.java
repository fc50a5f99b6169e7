package org.settingsreconciler.sandbox;

import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A collection's list path: GET lists it (paged), POST creates an item and answers 201 with it. */
final class CollectionHandler extends EndpointHandler {

  CollectionHandler(Endpoint endpoint) {
    super(endpoint);
  }

  @Override
  public SandboxResponse handle(Call call) {
    String method = call.request().method();
    boolean catalog = endpoint.kind() == Endpoint.Kind.CATALOG;
    // A catalog's items are published elsewhere: its list is read only.
    if (!method.equals("GET") && (catalog || !method.equals("POST"))) {
      throw GraphErrors.methodNotAllowed(method);
    }
    CollectionItems items = new CollectionItems(endpoint, call);
    if (method.equals("GET")) {
      return SandboxResponse.ok(Pager.page(items.listed(), items.contextPath(), call));
    }
    ObjectNode body = call.request().jsonObjectBody();
    validator.check(body, null, call.request().version());
    ObjectNode item = newItem(body);
    rule.complete(new ServerRule.Write(item, body, true, items.owner(), call.request().version()));
    items.requireUniqueKey(item, -1);
    items.array().add(item);
    return SandboxResponse.created(Representations.entity(items.contextPath(), endpoint, item, false));
  }

  /** The item as stored: server id, its name, then every other property of its type (null when not sent). */
  private ObjectNode newItem(ObjectNode body) {
    ItemKey key = endpoint.key();
    if (!key.oneNameless() && key.nameOf(body) == null) {
      throw GraphErrors.invalidRequest("The property '" + key.property() + "' is required.");
    }
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    if (key.serverMakesIds()) {
      item.put("id", UUID.randomUUID().toString());
    }
    key.properties().forEach(k -> item.set(k, copyOrNull(body, k)));
    for (var p : TenantDefaults.settable(endpoint)) {
      if (!item.has(p.name()) && !rule.serverProperties().contains(p.name())) {
        item.set(p.name(), copyOrNull(body, p.name()));
      }
    }
    return item;
  }

  private static JsonNode copyOrNull(ObjectNode body, String name) {
    JsonNode v = body.get(name);
    return v == null ? JsonNodeFactory.instance.nullNode() : v.deepCopy();
  }
}
