package org.settingsreconciler.hostile;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The small tenant the hostile Graph serves, written from Graph's documented answers and nothing of the tool's: the
 * Copilot and People singletons, the five Copilot policy settings, four collections (profile sources, profile
 * property settings, profile card properties, one user's interests), an empty agent catalog, the organization with
 * the settings under it, one user's settings and the user list. GET, PATCH, POST and DELETE behave as Graph
 * does when it behaves; every write carried out is logged, so a test can tell what really happened.
 */
final class HostileTenant {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final String ENHANCED = "/copilot/settings/people/enhancedPersonalization";
  static final String LIMITED = "/copilot/admin/settings/limitedMode";
  static final String POLICY = "/copilot/admin/policySettings/";
  static final String WEBSEARCH = POLICY + "microsoft.copilot.allowwebsearch";
  static final String PRONOUNS = "/admin/people/pronouns";
  static final String PRONUNCIATION = "/admin/people/namePronunciation";
  static final String INSIGHTS = "/admin/people/itemInsights";
  static final String PHOTO = "/admin/people/photoUpdateSettings";
  static final String PROPERTY_SETTINGS = "/admin/people/profilePropertySettings";
  static final String PRECEDENCE = PROPERTY_SETTINGS + "/pps-0";
  static final String CARDS = "/admin/people/profileCardProperties";
  static final String SOURCES = "/admin/people/profileSources";
  static final String AGENTS = "/copilot/admin/catalog/packages";
  static final String USER = "adele@contoso.com";
  static final String INTERESTS = "/users/" + USER + "/profile/interests";
  static final String USERS = "/users";
  static final String ORGANIZATION = "/organization";
  static final String ORGANIZATION_ID = "3c1f9e5a-7d2b-4e8c-a6f0-1b9d4e7c2a58";
  static final String ORGANIZATION_SETTINGS = ORGANIZATION + "/" + ORGANIZATION_ID + "/settings/";
  static final String USER_SETTINGS = "/users/" + USER + "/settings";
  static final String ENTRA =
      "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')";
  static final String HR = "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='contosohr1')";

  /** An answer as Graph sends it: status, headers besides the content type, and the body as text ("" for none). */
  record Reply(int status, String contentType, Map<String, String> headers, String body) {

    static Reply json(int status, JsonNode body) {
      return new Reply(status, "application/json", Map.of(), body == null ? "" : body.toString());
    }

    static Reply json(int status, String body) {
      return new Reply(status, "application/json", Map.of(), body);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, contentType, h, body);
    }
  }

  private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
  private final Set<String> wrapped = new HashSet<>();
  private final Map<String, List<ObjectNode>> lists = new LinkedHashMap<>();
  /** Each list exactly as given, odd items included: what a GET of the list answers. */
  private final Map<String, JsonNode> rawItems = new LinkedHashMap<>();
  /** For each list, the item property that is its URL segment. */
  private final Map<String, String> segmentProperty = new LinkedHashMap<>();
  private final List<String> carriedOut = new CopyOnWriteArrayList<>();
  private int nextId;

  HostileTenant() {
    reset();
  }

  /** Back to the seed: the same tenant for every case. */
  synchronized void reset() {
    objects.clear();
    wrapped.clear();
    lists.clear();
    rawItems.clear();
    segmentProperty.clear();
    carriedOut.clear();
    // The documented GET of enhanced personalization is wrapped in "value".
    object(ENHANCED, "{\"@odata.type\":\"#microsoft.graph.enhancedPersonalizationSetting\","
        + "\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    wrapped.add(ENHANCED);
    object(LIMITED, "{\"isEnabledForGroup\":false,\"groupId\":null}");
    for (String id : List.of("copilotchatpinning", "blockaccesstoopenfiles", "imagegeneration", "allowwebsearch",
        "allowinadmincenters")) {
      String value = id.equals("allowwebsearch") ? "\"0\"" : "null";
      object(POLICY + "microsoft.copilot." + id,
          "{\"id\":\"microsoft.copilot." + id + "\",\"value\":" + value + ",\"policyId\":null}");
    }
    object(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    object(PRONUNCIATION, "{\"id\":\"3f6c1e52-8a4b-4c1e-9d2a-5b7e0c9f1a24\",\"isEnabledInOrganization\":false}");
    object(INSIGHTS, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    object(PHOTO, "{\"id\":\"8d2e4b61-0c3f-4a7e-b915-2f6d8a1c3e70\",\"source\":\"cloud\",\"allowedRoles\":[]}");
    list(PROPERTY_SETTINGS, "id", "{\"id\":\"pps-0\",\"name\":null,\"displayName\":null,"
        + "\"prioritizedSourceUrls\":[\"" + ENTRA + "\"]}");
    list(CARDS, "directoryPropertyName", "{\"directoryPropertyName\":\"Fax\",\"annotations\":[]}");
    list(SOURCES, "sourceId", "{\"id\":\"520c18f8-0284-4d79-9b14-8a2d74461370\",\"sourceId\":\""
        + "4ce763dd-9214-4eff-af7c-da491cc3782d\",\"kind\":\"MSEntra\",\"displayName\":\"Microsoft Entra ID\","
        + "\"webUrl\":null,\"localizations\":[]}", "{\"id\":\"27f1af7b-b166-4f5b-b994-ae135a581547\","
        + "\"sourceId\":\"contosohr1\",\"kind\":\"Custom\",\"displayName\":\"Contoso HR\",\"webUrl\":null,"
        + "\"localizations\":[]}");
    list(INTERESTS, "id", "{\"id\":\"int-1\",\"displayName\":\"Chess\",\"categories\":[\"games\"]}");
    list(AGENTS, "id"); // the agent catalog, empty
    list(USERS, "id", "{\"id\":\"u-1\",\"userPrincipalName\":\"" + USER + "\"}");
    list(ORGANIZATION, "id", "{\"id\":\"" + ORGANIZATION_ID + "\",\"displayName\":\"Contoso\"}");
    for (String insights : List.of("peopleInsights", "contactInsights")) {
      object(ORGANIZATION_SETTINGS + insights, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    }
    object(ORGANIZATION_SETTINGS + "microsoftApplicationDataAccess",
        "{\"isEnabledForAllMicrosoftApplications\":true,\"disabledForGroup\":null}");
    object(USER_SETTINGS, "{\"contributionToContentDiscoveryAsOrganizationDisabled\":false,"
        + "\"contributionToContentDiscoveryDisabled\":false}");
    object(USER_SETTINGS + "/itemInsights", "{\"isEnabled\":true}");
  }

  /** Puts (or replaces) an object, as a test's own tenant. */
  synchronized void object(String path, String json) {
    objects.put(path, (ObjectNode) JSON.readTree(json));
  }

  /** Puts (or replaces) a list, as a test's own tenant; items may be anything, as a hostile Graph's may. */
  synchronized void list(String path, String segment, String... items) {
    List<ObjectNode> holder = new ArrayList<>();
    ArrayNode shown = JSON.createArrayNode();
    for (String item : items) {
      JsonNode n = JSON.readTree(item);
      shown.add(n);
      if (n.isObject()) {
        holder.add((ObjectNode) n); // the same node: a write to the item shows in the list
      }
    }
    lists.put(path, holder);
    rawItems.put(path, shown);
    segmentProperty.put(path, segment);
  }

  /** The writes carried out, as "METHOD path", oldest first. */
  List<String> carriedOut() {
    return List.copyOf(carriedOut);
  }

  /** The tenant's copy of an object now. */
  synchronized JsonNode object(String path) {
    return objects.get(path).deepCopy();
  }

  /** The items of a list now (its objects). */
  synchronized List<JsonNode> items(String path) {
    return List.copyOf(lists.get(path));
  }

  /**
   * Answers one request as Graph would, carrying out a write only when {@code carryOut}; otherwise it answers as if
   * it had, and changes nothing (a lie only a trick will tell).
   */
  synchronized Reply handle(String method, String target, JsonNode body, boolean carryOut) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    ObjectNode object = objects.get(path);
    if (object != null) {
      return switch (method) {
        case "GET" -> {
          ObjectNode shown = wrapped.contains(path) ? JSON.createObjectNode().set("value", object) : object;
          yield Reply.json(200, shown);
        }
        case "PATCH" -> {
          ObjectNode merged = object.deepCopy();
          if (body != null && body.isObject()) {
            merged.setAll((ObjectNode) body);
          }
          if (carryOut) {
            objects.put(path, merged);
            carriedOut.add("PATCH " + path);
          }
          yield Reply.json(200, merged);
        }
        default -> error(405, "methodNotAllowed");
      };
    }
    if (lists.containsKey(path)) {
      return switch (method) {
        case "GET" -> Reply.json(200, JSON.createObjectNode().set("value", rawItems.get(path)));
        case "POST" -> {
          ObjectNode item = body != null && body.isObject() ? ((ObjectNode) body).deepCopy() : JSON.createObjectNode();
          if (segmentProperty.get(path).equals("id")) {
            item.put("id", "new-" + ++nextId);
          }
          if (carryOut) {
            lists.get(path).add(item);
            ((ArrayNode) rawItems.get(path)).add(item);
            carriedOut.add("POST " + path);
          }
          yield Reply.json(201, item);
        }
        default -> error(405, "methodNotAllowed");
      };
    }
    int slash = path.lastIndexOf('/');
    String parent = slash < 0 ? "" : path.substring(0, slash);
    if (lists.containsKey(parent)) {
      return item(method, parent, URLDecoder.decode(path.substring(slash + 1), StandardCharsets.UTF_8), body,
          carryOut);
    }
    return error(404, "itemNotFound");
  }

  private Reply item(String method, String list, String segment, JsonNode body, boolean carryOut) {
    String property = segmentProperty.get(list);
    ObjectNode item = null;
    for (ObjectNode i : lists.get(list)) {
      JsonNode v = i.get(property);
      if (v != null && v.isString() && v.asString().equalsIgnoreCase(segment)) {
        item = i;
      }
    }
    if (item == null) {
      return error(404, "itemNotFound");
    }
    switch (method) {
      case "GET":
        return Reply.json(200, item);
      case "PATCH":
        if (carryOut && body != null && body.isObject()) {
          item.setAll((ObjectNode) body);
          carriedOut.add("PATCH " + list + "/" + segment);
        }
        return Reply.json(200, item);
      case "DELETE":
        if (carryOut) {
          lists.get(list).remove(item);
          ArrayNode raw = (ArrayNode) rawItems.get(list);
          for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i) == item) {
              raw.remove(i);
              break;
            }
          }
          carriedOut.add("DELETE " + list + "/" + segment);
        }
        return new Reply(204, "application/json", Map.of(), "");
      default:
        return error(405, "methodNotAllowed");
    }
  }

  static Reply error(int status, String code) {
    return Reply.json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + code + "\"}}");
  }
}
