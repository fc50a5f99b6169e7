package org.settingsreconciler.sandbox;

import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.node.ObjectNode;

/**
 * A singleton such as {@code /admin/people/pronouns}: GET answers the object (wrapped in {@code value} where the
 * docs show that), PATCH merges the body and answers the object unwrapped.
 */
final class SingletonHandler implements RouteHandler {

  private final ResourceDescriptor descriptor;
  private final ServerRule rule;
  private final BodyValidator validator;

  SingletonHandler(ResourceDescriptor descriptor) {
    this.descriptor = descriptor;
    this.rule = ServerRules.of(descriptor);
    this.validator = new BodyValidator(descriptor, rule);
  }

  @Override
  public SandboxResponse handle(Call call) {
    SandboxState state = call.state();
    String context = Representations.contextPath(call, descriptor, null);
    return switch (call.request().method()) {
      case "GET" ->
          SandboxResponse.ok(
              Representations.entity(context, descriptor, state.singleton(descriptor), descriptor.getWrappedInValue()));
      case "PATCH" -> {
        ObjectNode body = call.request().jsonObjectBody();
        ObjectNode before = state.singleton(descriptor);
        validator.check(body, before);
        ObjectNode merged = Writes.merged(before, body);
        rule.complete(new ServerRule.Write(merged, body, false, null));
        state.replaceSingleton(descriptor, merged);
        yield SandboxResponse.ok(Representations.entity(context, descriptor, merged, false));
      }
      case "DELETE" -> {
        if (!rule.deletableSingleton()) {
          throw GraphErrors.methodNotAllowed("DELETE");
        }
        ObjectNode reset = TenantDefaults.singleton(descriptor);
        ObjectNode before = state.singleton(descriptor);
        if (before.has("id")) {
          reset.set("id", before.get("id")); // the object stays; only its settings go back to defaults
        }
        state.replaceSingleton(descriptor, reset);
        yield SandboxResponse.noContent();
      }
      default -> throw GraphErrors.methodNotAllowed(call.request().method());
    };
  }
}
