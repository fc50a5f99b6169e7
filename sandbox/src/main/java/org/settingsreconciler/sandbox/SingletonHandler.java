package org.settingsreconciler.sandbox;

import tools.jackson.databind.node.ObjectNode;

/**
 * A singleton such as {@code /admin/people/pronouns}, a user's ({@code /users/{user}/settings}) or one under the
 * organization object: GET answers the object (wrapped in {@code value} where the docs show that), PATCH merges the
 * body and answers the object unwrapped.
 */
final class SingletonHandler extends EndpointHandler {

  SingletonHandler(Endpoint endpoint) {
    super(endpoint);
  }

  @Override
  public SandboxResponse handle(Call call) {
    SandboxState state = call.state();
    if (endpoint.underOrganization()) {
      call.requireOwnOrganization();
    }
    SandboxState.User owner = endpoint.perUser() ? call.requireUser() : null;
    String context = Representations.contextPath(call, endpoint, owner);
    return switch (call.request().method()) {
      case "GET" ->
          SandboxResponse.ok(
              Representations.entity(context, endpoint, state.singleton(endpoint, owner), endpoint.getWrapped()));
      case "PATCH" -> {
        ObjectNode body = call.request().jsonObjectBody();
        ObjectNode before = state.singleton(endpoint, owner);
        validator.check(body, before, call.request().version());
        ObjectNode merged = Writes.merged(before, body);
        rule.complete(new ServerRule.Write(merged, body, false, null, call.request().version()));
        state.replaceSingleton(endpoint, owner, merged);
        yield SandboxResponse.ok(Representations.entity(context, endpoint, merged, false));
      }
      case "DELETE" -> {
        if (!rule.deletableSingleton()) {
          throw GraphErrors.methodNotAllowed("DELETE");
        }
        ObjectNode reset = TenantDefaults.singleton(endpoint);
        ObjectNode before = state.singleton(endpoint, owner);
        if (before.has("id")) {
          reset.set("id", before.get("id")); // the object stays; only its settings go back to defaults
        }
        state.replaceSingleton(endpoint, owner, reset);
        yield SandboxResponse.noContent();
      }
      default -> throw GraphErrors.methodNotAllowed(call.request().method());
    };
  }
}
