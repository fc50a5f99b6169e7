package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /groups} (with the {@code $filter} of {@link GroupFilter}, {@code $select} and paging) and
 * {@code GET /groups/{id}}: enough of the directory for the reconciler to turn group names into ids and back.
 * Read-only: the sandbox's groups come from the seed.
 */
final class GroupsHandler {

  private GroupsHandler() {}

  static final RouteHandler LIST =
      call -> {
        requireGet(call);
        GroupFilter filter = GroupFilter.parse(call.request().query().get("$filter"));
        String select = call.request().query().get("$select");
        List<JsonNode> groups = new ArrayList<>();
        for (ObjectNode g : call.state().groups()) {
          if (filter.matches(SandboxJson.text(g.get("displayName")))) {
            groups.add(SandboxJson.selected(g, select));
          }
        }
        return SandboxResponse.ok(Pager.page(groups, Representations.context(call, "groups"), call));
      };

  static final RouteHandler ONE =
      call -> {
        requireGet(call);
        ObjectNode group =
            call.state().groups().stream()
                .filter(g -> call.id().equalsIgnoreCase(SandboxJson.text(g.get("id"))))
                .findFirst()
                .orElseThrow(() -> GraphErrors.directoryObjectNotFound(call.id()));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("@odata.context", Representations.context(call, "groups/$entity"));
        out.setAll(SandboxJson.selected(group, call.request().query().get("$select")));
        return SandboxResponse.ok(out);
      };

  private static void requireGet(Call call) {
    if (!call.request().method().equals("GET")) {
      throw GraphErrors.methodNotAllowed(call.request().method());
    }
  }
}
