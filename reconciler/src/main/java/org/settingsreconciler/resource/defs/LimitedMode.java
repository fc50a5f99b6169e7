package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;
import static org.settingsreconciler.resource.ValueKind.GROUP_ID;

import org.settingsreconciler.resource.Access;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.PatchRule;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.JsonNode;

/** Copilot limited mode for Teams meetings (docs/graph-facts.md section 4). */
public final class LimitedMode {

  /** Limited mode applies to a group's members only when groupId names the group, so turning it on carries it. */
  static final PatchRule GROUP_ID_WITH_ENABLE =
      (body, desired, current) -> {
        JsonNode enabling = body.get("isEnabledForGroup");
        if (enabling != null && enabling.isBoolean() && enabling.asBoolean() && !body.has("groupId")) {
          JsonNode groupId = desired.has("groupId") ? desired.get("groupId") : current.get("groupId");
          if (groupId != null && !groupId.isNull()) {
            body.set("groupId", groupId);
          }
        }
      };

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("copilot.limitedMode")
          .title("Copilot limited mode")
          .singleton("/copilot/admin/settings/limitedMode")
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .odataType("#microsoft.graph.copilotAdminLimitedMode")
          .property(PropertySpec.of("isEnabledForGroup", BOOLEAN)) // Edm.Boolean, nullable in the metadata
          .property(PropertySpec.of("groupId", GROUP_ID))
          .patchRule(GROUP_ID_WITH_ENABLE)
          .permissions(
              Permissions.of(
                  Access.delegatedOnly("CopilotSettings-LimitedMode.Read", "Global Reader"),
                  Access.delegatedOnly("CopilotSettings-LimitedMode.ReadWrite", "Global Administrator")))
          .globalOnly()
          .schema("resources/copilot.limitedMode.schema.json")
          .build();

  private LimitedMode() {}
}
