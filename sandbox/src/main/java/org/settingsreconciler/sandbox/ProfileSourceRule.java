package org.settingsreconciler.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile sources (concepts/profilesource-configure-settings.md): "The sourceId property isn't updateable", though the
 * update page's example sends it unchanged, so a PATCH may carry it only as it is. The Microsoft Entra ID source is
 * the one the docs call the default source of profile data and list as out-of-the-box: its deletion is refused (the
 * docs name no error for it; the sandbox keeps it, as the tool relies on it always being there).
 */
final class ProfileSourceRule implements ServerRule {

  private static final String KEY = "sourceId";

  @Override
  public void checkBody(ObjectNode body, ObjectNode before) {
    JsonNode sent = body.get(KEY);
    if (before != null && sent != null && !sent.equals(before.get(KEY))) {
      throw GraphErrors.invalidRequest("The property '" + KEY + "' cannot be changed.");
    }
  }

  @Override
  public void checkDelete(ObjectNode item) {
    String id = SandboxJson.text(item.get(KEY));
    if (id != null && EntraSource.IDS.stream().anyMatch(id::equalsIgnoreCase)) {
      throw GraphErrors.invalidRequest("The Microsoft Entra ID profile source cannot be deleted.");
    }
  }
}
