package org.settingsreconciler.sandbox;

import java.util.Map;
import org.settingsreconciler.metadata.GraphMetadata.Property;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of a tenant nobody has configured. Derived from the endpoints' metadata types (booleans false,
 * everything else null, empty collections) so a new endpoint gets a default without code here, then overlaid with
 * what the docs (docs/graph-facts.md, and the pages named below) say differs: insights and data access default to
 * enabled,
 * two singletons carry an id, and the profile sources hold the Entra ID source.
 */
final class TenantDefaults {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Values the docs give (or the JSON examples show) that the generic defaults don't produce, by state name. */
  private static final Map<String, ObjectNode> DOCUMENTED =
      Map.of(
          // Not documented; Microsoft ships enhanced personalization on, and the docs' examples show it on.
          "copilot.enhancedPersonalization",
          object("isEnabledInOrganization", NODES.booleanNode(true)),
          // docs/graph-facts.md 6.3: isEnabledInOrganization defaults to true.
          "people.itemInsights",
          object("isEnabledInOrganization", NODES.booleanNode(true)),
          // docs/graph-facts.md 6.2: the object has a read-only id.
          "people.namePronunciation",
          object("id", NODES.stringNode("3f6c1e52-8a4b-4c1e-9d2a-5b7e0c9f1a24")),
          // docs/graph-facts.md 6.5: the object has an id; photos are edited in the cloud unless synced from
          // on-premises.
          "people.photoUpdateSettings",
          object("id", NODES.stringNode("8d2e4b61-0c3f-4a7e-b915-2f6d8a1c3e70"))
              .put("source", "cloud")
              .set("allowedRoles", NODES.arrayNode()),
          // Beta insightssettings resource page: isEnabledInOrganization "Default is true" (one update example says
          // contact insights default to false; the resource page is taken).
          "organization.peopleInsights",
          object("isEnabledInOrganization", NODES.booleanNode(true)),
          "organization.contactInsights",
          object("isEnabledInOrganization", NODES.booleanNode(true)),
          // Beta microsoftapplicationdataaccesssettings-update: isEnabledForAllMicrosoftApplications "The default is
          // true".
          "organization.microsoftApplicationDataAccess",
          object("isEnabledForAllMicrosoftApplications", NODES.booleanNode(true)),
          // userinsightssettings-update: isEnabled "The default value is true".
          "settings.itemInsights",
          object("isEnabled", NODES.booleanNode(true)));

  /**
   * Items a collection holds in a tenant nobody configured, by state name: the Microsoft Entra ID profile source,
   * "by default ... the source of profile data", as the docs' list example shows it (v1.0 and beta
   * peopleadminsettings-list-profilesources.md).
   */
  private static final Map<String, String> DOCUMENTED_ITEMS =
      Map.of(
          "people.profileSources",
          """
          [{"id": "520c18f8-0284-4d79-9b14-8a2d74461370", "sourceId": "4ce763dd-9214-4eff-af7c-da491cc3782d",
            "kind": "MSEntra", "displayName": "Contoso Microsoft Entra", "webUrl": "https://login.microsoftonline.com",
            "localizations": [{"displayName": "Contoso Microsoft Entra", "webUrl": "https://login.microsoftonline.com",
                               "languageTag": "en-us"}]}]
          """);

  private TenantDefaults() {}

  /** A whole tenant in the seed format: every singleton at its default, no policy configured, no users. */
  static ObjectNode emptyTenant() {
    ObjectNode root = NODES.objectNode();
    ObjectNode resources = root.putObject(SandboxState.RESOURCES);
    for (Endpoint e : Endpoints.tenantWide()) {
      resources.set(e.stateName(), defaultFor(e));
    }
    root.putArray(SandboxState.GROUP_SCOPED);
    root.putObject(SandboxState.USERS);
    root.putArray(SandboxState.GROUPS);
    return root;
  }

  /** The default state of one endpoint: a tenant-wide one, or a user's (each user's own copy). */
  static JsonNode defaultFor(Endpoint e) {
    return switch (e.kind()) {
      case SINGLETON -> singleton(e);
      case FIXED_IDS -> {
        ObjectNode entries = NODES.objectNode();
        e.fixedIds().forEach(id -> entries.set(id, unconfiguredEntry(e)));
        yield entries;
      }
      case COLLECTION -> DOCUMENTED_ITEMS.containsKey(e.stateName())
          ? SandboxJson.parse(DOCUMENTED_ITEMS.get(e.stateName())) : NODES.arrayNode();
      case CATALOG -> NODES.arrayNode();
    };
  }

  static ObjectNode singleton(Endpoint e) {
    ObjectNode documented = DOCUMENTED.getOrDefault(e.stateName(), NODES.objectNode());
    ObjectNode o = NODES.objectNode();
    if (documented.has("id")) {
      o.set("id", documented.get("id"));
    }
    for (Property p : settable(e)) {
      o.set(p.name(), p.type().equals("Edm.Boolean") ? NODES.booleanNode(false) : NODES.nullNode());
    }
    o.setAll(documented.deepCopy());
    return o;
  }

  /** The generic value of a property nobody set: false for a boolean, empty for a collection, else null. */
  static JsonNode unset(Property p) {
    if (p.isCollection()) {
      return NODES.arrayNode();
    }
    return p.type().equals("Edm.Boolean") ? NODES.booleanNode(false) : NODES.nullNode();
  }

  /** A fixed-id entry nobody configured: every property null (docs/graph-facts.md 2: "null when not configured"). */
  static ObjectNode unconfiguredEntry(Endpoint e) {
    ObjectNode o = NODES.objectNode();
    settable(e).forEach(p -> o.putNull(p.name()));
    return o;
  }

  /** The type's properties but its id, in the metadata's order. */
  static Iterable<Property> settable(Endpoint e) {
    return new MetadataValues(e).properties().values().stream().filter(p -> !p.name().equals("id")).toList();
  }

  private static ObjectNode object(String name, JsonNode value) {
    ObjectNode o = NODES.objectNode();
    o.set(name, value);
    return o;
  }
}
