package org.settingsreconciler.sandbox;

import java.util.UUID;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A collection's list path: GET lists it (paged), POST creates an item and answers 201 with it. */
final class CollectionHandler implements RouteHandler {

  private final ResourceDescriptor descriptor;
  private final ServerRule rule;
  private final BodyValidator validator;

  CollectionHandler(ResourceDescriptor descriptor) {
    this.descriptor = descriptor;
    this.rule = ServerRules.of(descriptor);
    this.validator = new BodyValidator(descriptor, rule);
  }

  @Override
  public SandboxResponse handle(Call call) {
    String method = call.request().method();
    if (!method.equals("GET") && !method.equals("POST")) {
      throw GraphErrors.methodNotAllowed(method);
    }
    CollectionItems items = new CollectionItems(descriptor, call);
    if (method.equals("GET")) {
      return SandboxResponse.ok(Pager.page(items.typed(), items.contextPath(), call));
    }
    ObjectNode body = call.request().jsonObjectBody();
    validator.check(body, null);
    ObjectNode item = newItem(body);
    rule.complete(new ServerRule.Write(item, body, true, items.owner()));
    items.requireUniqueKey(item, -1);
    items.array().add(item);
    return SandboxResponse.created(Representations.entity(items.contextPath(), descriptor, item, false));
  }

  /** The item as stored: server id, key, every managed property (null when not sent), create-only extras. */
  private ObjectNode newItem(ObjectNode body) {
    CollectionKey key = descriptor.key();
    if (key.emptyKeyAlias() == null && key.rawKeyOf(body) == null) {
      throw GraphErrors.invalidRequest("The property '" + key.property() + "' is required.");
    }
    ObjectNode item = JsonNodeFactory.instance.objectNode();
    if (!key.idIsKey()) {
      item.put("id", UUID.randomUUID().toString());
    }
    key.properties().forEach(k -> item.set(k, copyOrNull(body, k)));
    for (PropertySpec p : descriptor.properties()) {
      item.set(p.name(), copyOrNull(body, p.name()));
    }
    for (String extra : rule.createOnlyProperties()) {
      if (body.has(extra)) {
        item.set(extra, body.get(extra).deepCopy());
      }
    }
    return item;
  }

  private static JsonNode copyOrNull(ObjectNode body, String name) {
    JsonNode v = body.get(name);
    return v == null ? JsonNodeFactory.instance.nullNode() : v.deepCopy();
  }
}
