package org.settingsreconciler.sandbox;

import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One object of a fixed-id set, such as {@code /copilot/admin/policySettings/{id}} (docs/graph-facts.md 2). Ids outside
 * the documented set answer 404 unsupportedSetting; ids configured in a group-level policy answer 422
 * groupScopedSettingNotSupported on GET and PATCH. The object has a string property named {@code value}; the docs
 * show its GET bare, and the endpoint says so.
 */
final class FixedIdHandler extends EndpointHandler {

  FixedIdHandler(Endpoint endpoint) {
    super(endpoint);
  }

  @Override
  public SandboxResponse handle(Call call) {
    String method = call.request().method();
    if (!method.equals("GET") && !method.equals("PATCH")) {
      throw GraphErrors.methodNotAllowed(method);
    }
    Map.Entry<String, ObjectNode> entry =
        call.state().fixedEntry(endpoint, call.id()).orElseThrow(() -> unsupported(call.id()));
    String id = entry.getKey();
    if (call.state().isGroupScoped(id)) {
      throw new GraphErrorException(
          422,
          "unprocessableEntity",
          "The setting '" + id + "' is configured in a group-level policy, which this API does not support.",
          "groupScopedSettingNotSupported");
    }
    String context = Representations.contextPath(call, endpoint, null);
    if (method.equals("GET")) {
      return SandboxResponse.ok(Representations.entity(
          context, endpoint, withId(id, entry.getValue()), endpoint.getWrapped()));
    }
    ObjectNode body = call.request().jsonObjectBody();
    validator.check(body, withId(id, entry.getValue()), call.request().version());
    ObjectNode merged = Writes.merged(entry.getValue(), body);
    rule.complete(new ServerRule.Write(merged, body, false, null, call.request().version()));
    call.state().replaceFixedEntry(endpoint, id, merged);
    // The docs' PATCH response is the bare object: no annotations.
    return SandboxResponse.ok(withId(id, merged));
  }

  private static GraphErrorException unsupported(String id) {
    return new GraphErrorException(
        404, "notFound", "The setting '" + id + "' is not supported.", "unsupportedSetting");
  }

  private static ObjectNode withId(String id, ObjectNode entry) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("id", id);
    out.setAll(entry.deepCopy());
    return out;
  }
}
