package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /users} and {@code GET /users/{id|upn}}: just enough of the directory for clients to find the users
 * whose profiles they manage. Read-only: the sandbox's users come from the seed.
 */
final class UsersHandler {

  private UsersHandler() {}

  static final RouteHandler LIST =
      call -> {
        requireGet(call);
        List<JsonNode> users = new ArrayList<>();
        call.state().users().forEach(u -> users.add(summary(u)));
        return SandboxResponse.ok(Pager.page(users, Representations.context(call, "users"), call));
      };

  static final RouteHandler ONE =
      call -> {
        requireGet(call);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("@odata.context", Representations.context(call, "users/$entity"));
        out.setAll(summary(call.requireUser()));
        return SandboxResponse.ok(out);
      };

  private static void requireGet(Call call) {
    if (!call.request().method().equals("GET")) {
      throw GraphErrors.methodNotAllowed(call.request().method());
    }
  }

  private static ObjectNode summary(SandboxState.User u) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", u.id());
    o.put("userPrincipalName", u.userPrincipalName());
    o.set("displayName", u.data().get("displayName").deepCopy());
    return o;
  }
}
