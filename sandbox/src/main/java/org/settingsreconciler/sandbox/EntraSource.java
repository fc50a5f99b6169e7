package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The Microsoft Entra ID profile source, as profile property settings name it (docs/graph-facts.md 3): by a URL of
 * {@code profileSources(sourceId='...')} with one of two documented ids.
 */
final class EntraSource {

  static final List<String> IDS =
      List.of("4ce763dd-9214-4eff-af7c-da491cc3782d", "0024a795-114d-4031-95c7-5fb543e00e80");

  /**
   * The URL the docs' examples show Graph appending to a write in {@code version}: the beta pages' under /beta, the
   * v1.0 pages' under /v1.0 (either names the same source, the docs say).
   */
  static String url(ApiVersion version) {
    return "https://graph.microsoft.com" + version.prefix() + "/admin/people/profileSources(sourceId='" + IDS.get(0)
        + "')";
  }

  private EntraSource() {}

  static boolean is(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return IDS.stream().anyMatch(id -> lower.contains("sourceid='" + id + "'"));
  }

  /** The list's strings; empty for null or a non-list. */
  static List<String> urls(JsonNode list) {
    List<String> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      list.forEach(u -> {
        if (u.isString()) {
          out.add(u.asString());
        }
      });
    }
    return out;
  }

  /**
   * The list Graph stores when sent {@code sent} in {@code version}: the same, with the Entra ID source appended when
   * it lacks one.
   */
  static ArrayNode appended(JsonNode sent, ApiVersion version) {
    List<String> urls = urls(sent);
    if (urls.stream().noneMatch(EntraSource::is)) {
      urls.add(url(version));
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    urls.forEach(out::add);
    return out;
  }
}
