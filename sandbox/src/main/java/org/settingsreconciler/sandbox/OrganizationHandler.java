package org.settingsreconciler.sandbox;

import java.util.List;

/**
 * {@code GET /organization}: a list of the one organization the token's tenant is, as Graph answers it, with
 * {@code $select}. Clients read it to name the tenant they plan against (its id and display name). Read-only.
 */
final class OrganizationHandler {

  private OrganizationHandler() {}

  static final RouteHandler LIST =
      call -> {
        if (!call.request().method().equals("GET")) {
          throw GraphErrors.methodNotAllowed(call.request().method());
        }
        String select = call.request().query().get("$select");
        return SandboxResponse.ok(
            Pager.page(List.of(SandboxJson.selected(call.state().organization(), select)),
                Representations.context(call, "organization"), call));
      };
}
