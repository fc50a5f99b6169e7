package org.settingsreconciler.sandbox;

import java.util.Map;
import org.settingsreconciler.metadata.GraphMetadata;
import org.settingsreconciler.metadata.GraphMetadata.Property;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An action bound to a catalog's items ({@code POST /copilot/admin/catalog/packages/{id}/block}), as the docs describe
 * it: POST only; the item must exist (404 itemNotFound); the body carries exactly the action's parameters as the
 * metadata of the version called lists them ("Don't supply a request body" where it has none; an empty object is
 * taken as none), each of its type; a parameter naming a user must name one of the tenant's (404, as Graph answers
 * for a directory object it does not have). Then the item's property is set, and it answers 204 No Content.
 */
final class ActionHandler extends EndpointHandler {

  private final ItemAction action;

  ActionHandler(Endpoint endpoint, ItemAction action) {
    super(endpoint);
    this.action = action;
  }

  @Override
  public SandboxResponse handle(Call call) {
    String method = call.request().method();
    if (!method.equals("POST")) {
      throw GraphErrors.methodNotAllowed(method);
    }
    CollectionItems items = new CollectionItems(endpoint, call);
    ObjectNode item = (ObjectNode) items.array().get(items.indexOf(call.id()));
    ObjectNode body = call.request().bodyText().isBlank()
        ? JsonNodeFactory.instance.objectNode() : call.request().jsonObjectBody();
    Map<String, Property> parameters = parameters(call);
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      Property p = parameters.get(e.getKey());
      if (p == null) {
        throw GraphErrors.badRequest("The parameter '" + e.getKey() + "' in the request payload is not a valid "
            + "parameter for the operation '" + action.name() + "'.");
      }
      if (!fits(p, e.getValue())) {
        throw GraphErrors.badRequest("Cannot convert the literal '" + e.getValue() + "' to the expected type '"
            + p.type() + "' of the parameter '" + p.name() + "'.");
      }
    }
    for (Property p : parameters.values()) {
      if (!p.nullable() && !body.hasNonNull(p.name())) {
        throw GraphErrors.badRequest("The parameter '" + p.name() + "' of the operation '" + action.name()
            + "' is required.");
      }
    }
    JsonNode value = action.value() != null ? action.value() : body.get(action.parameter());
    if (action.userParameter() && call.state().user(value.asString()).isEmpty()) {
      throw GraphErrors.directoryObjectNotFound(value.asString());
    }
    item.set(action.property(), value.deepCopy());
    return SandboxResponse.noContent();
  }

  /** The action's parameters as the metadata of the version called binds it, by name. */
  private Map<String, Property> parameters(Call call) {
    GraphMetadata.Action a = GraphMetadata.load(call.request().version().segment()).actions(endpoint.entityType())
        .get(action.name());
    if (a == null) {
      throw GraphErrors.segmentNotFound(action.name()); // the router serves it only where the metadata has it
    }
    Map<String, Property> out = new java.util.LinkedHashMap<>();
    a.parameters().forEach(p -> out.put(p.name(), p));
    return out;
  }

  private static boolean fits(Property p, JsonNode value) {
    if (value.isNull()) {
      return p.nullable();
    }
    return switch (p.type()) {
      case "Edm.String" -> value.isString() && !value.asString().isEmpty();
      case "Edm.Boolean" -> value.isBoolean();
      default -> true; // no action the docs describe takes another type
    };
  }
}
