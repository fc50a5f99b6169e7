package org.settingsreconciler.sandbox;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile property settings (docs/graph-facts.md 3). The docs' POST and PATCH examples show the server appending the
 * Entra ID
 * source to a precedence list that lacks it, under the version the write came in, and the delete page says a delete "fails unless the prioritizedSourceUrls
 * property contains only the Entra ID source reference".
 */
final class ProfilePropertySettingRule implements ServerRule {

  private static final String URLS = "prioritizedSourceUrls";

  @Override
  public void complete(Write write) {
    if (!write.created() && !write.body().has(URLS)) {
      return; // an update that leaves the list alone keeps it as stored
    }
    write.merged().set(URLS, EntraSource.appended(write.merged().get(URLS), write.version()));
  }

  @Override
  public void checkDelete(ObjectNode item) {
    List<String> urls = EntraSource.urls(item.get(URLS));
    if (urls.isEmpty() || !urls.stream().allMatch(EntraSource::is)) {
      throw GraphErrors.invalidRequest(
          "A profilePropertySetting can only be deleted when prioritizedSourceUrls contains only the Microsoft "
              + "Entra ID source. Update it to the Entra ID source first.");
    }
  }
}
