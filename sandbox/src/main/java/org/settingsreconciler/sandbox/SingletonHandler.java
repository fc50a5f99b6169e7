package org.settingsreconciler.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * A singleton such as {@code /admin/people/pronouns}: GET answers the object (wrapped in {@code value} where the
 * docs show that), PATCH merges the body and answers the object unwrapped.
 */
final class SingletonHandler extends EndpointHandler {

  SingletonHandler(Endpoint endpoint) {
    super(endpoint);
  }

  @Override
  public SandboxResponse handle(Call call) {
    SandboxState state = call.state();
    String context = Representations.contextPath(call, endpoint, null);
    return switch (call.request().method()) {
      case "GET" ->
          SandboxResponse.ok(
              Representations.entity(context, endpoint, state.singleton(endpoint), endpoint.getWrapped()));
      case "PATCH" -> {
        ObjectNode body = call.request().jsonObjectBody();
        ObjectNode before = state.singleton(endpoint);
        validator.check(body, before, call.request().version());
        ObjectNode merged = Writes.merged(before, body);
        rule.complete(new ServerRule.Write(merged, body, false, null, call.request().version()));
        state.replaceSingleton(endpoint, merged);
        yield SandboxResponse.ok(Representations.entity(context, endpoint, merged, false));
      }
      case "DELETE" -> {
        if (!rule.deletableSingleton()) {
          throw GraphErrors.methodNotAllowed("DELETE");
        }
        ObjectNode reset = TenantDefaults.singleton(endpoint);
        ObjectNode before = state.singleton(endpoint);
        if (before.has("id")) {
          reset.set("id", before.get("id")); // the object stays; only its settings go back to defaults
        }
        state.replaceSingleton(endpoint, reset);
        yield SandboxResponse.noContent();
      }
      default -> throw GraphErrors.methodNotAllowed(call.request().method());
    };
  }
}
