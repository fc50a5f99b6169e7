package org.settingsreconciler.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * One item of a collection: GET (wrapped in {@code value} where the docs show that), PATCH (answers the item),
 * DELETE (204). Unknown ids answer 404 itemNotFound.
 */
final class CollectionItemHandler extends EndpointHandler {

  CollectionItemHandler(Endpoint endpoint) {
    super(endpoint);
  }

  @Override
  public SandboxResponse handle(Call call) {
    String method = call.request().method();
    boolean deletable = endpoint.kind() != Endpoint.Kind.CATALOG; // a catalog's items are published elsewhere
    if (!method.equals("GET") && !method.equals("PATCH") && !(deletable && method.equals("DELETE"))) {
      throw GraphErrors.methodNotAllowed(method);
    }
    CollectionItems items = new CollectionItems(endpoint, call);
    int index = items.indexOf(call.id());
    ObjectNode item = (ObjectNode) items.array().get(index);
    String context = items.contextPath();
    switch (method) {
      case "GET" -> {
        return SandboxResponse.ok(
            Representations.entity(context, endpoint, item, endpoint.getWrapped()));
      }
      case "PATCH" -> {
        ObjectNode body = call.request().jsonObjectBody();
        validator.check(body, item, call.request().version());
        ObjectNode merged = Writes.merged(item, body);
        rule.complete(new ServerRule.Write(merged, body, false, items.owner(), call.request().version()));
        // Only a write that changes the key can make two items of one key: a duplicate the tenant already holds
        // (Graph does hold them) is not this write's doing, and Graph does not refuse every write to it.
        if (!items.keyForm(merged).equals(items.keyForm(item))) {
          items.requireUniqueKey(merged, index);
        }
        items.array().set(index, merged);
        return SandboxResponse.ok(Representations.entity(context, endpoint, merged, false));
      }
      default -> {
        rule.checkDelete(item);
        items.array().remove(index);
        return SandboxResponse.noContent();
      }
    }
  }
}
