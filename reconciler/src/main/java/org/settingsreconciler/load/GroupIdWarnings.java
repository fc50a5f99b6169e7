package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ValueKind;
import tools.jackson.databind.JsonNode;

/**
 * Warnings, not errors, for group ids that are not GUID-shaped. Graph types these properties as any string, so the
 * schema accepts any string (a tolerant reader: a tenant's own value must always validate after export); but an
 * Entra group id is a GUID, so a value of another shape is most likely a typo, worth a word before it is applied.
 */
public final class GroupIdWarnings {

  private static final Pattern GUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private GroupIdWarnings() {}

  /** One warning per group-id property whose string value is not GUID-shaped, at the place it was written. */
  public static List<ConfigError> in(DesiredState state) {
    List<ConfigError> out = new ArrayList<>();
    for (DesiredResource r : state.resources()) {
      for (PropertySpec p : r.id().descriptor().properties()) {
        JsonNode value = r.properties().get(p.name());
        if (p.kind() == ValueKind.GROUP_ID && value != null && value.isString()
            && !GUID.matcher(value.asString()).matches()) {
          out.add(new ConfigError(r.propertyLocations().get(p.name()), r.address() + "." + p.name(),
              "'" + value.asString() + "' is not an Entra group id (a GUID such as "
                  + "edbfe4fb-ec70-4300-928f-dbb2ae86c981); Graph takes it as it is. To name a group, write "
                  + "{group: \"<display name>\"}"));
        }
      }
    }
    return out;
  }
}
