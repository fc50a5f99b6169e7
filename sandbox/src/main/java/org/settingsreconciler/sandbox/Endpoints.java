package org.settingsreconciler.sandbox;

import tools.jackson.databind.node.BooleanNode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.settingsreconciler.metadata.GraphMetadata;

/**
 * The endpoints the sandbox serves, written from Microsoft's docs (docs/graph-facts.md cites each page), with the
 * entity type and the versions of each path taken from Microsoft's metadata slices. Deliberately not derived from
 * the tool's resource descriptors: the tool is tested against this Graph, and a path, key or version the tool got
 * wrong must fail against it rather than be mirrored (the tool's SandboxServesEveryDescriptorTest holds the two
 * side by side).
 */
final class Endpoints {

  /** docs/graph-facts.md 2: the policy setting ids the docs list; any other answers 404 unsupportedSetting. */
  static final List<String> POLICY_SETTING_IDS =
      List.of(
          "microsoft.copilot.copilotchatpinning",
          "microsoft.copilot.blockaccesstoopenfiles",
          "microsoft.copilot.imagegeneration",
          "microsoft.copilot.allowwebsearch",
          "microsoft.copilot.allowinadmincenters");

  static final List<Endpoint> ALL =
      List.of(
          // docs/graph-facts.md 1: the update page marks isEnabledInOrganization required; the GET example is wrapped.
          singleton("copilot.enhancedPersonalization", "/copilot/settings/people/enhancedPersonalization", true,
              List.of("isEnabledInOrganization"), Map.of()),
          singleton("copilot.limitedMode", "/copilot/admin/settings/limitedMode", false, List.of(), Map.of()),
          // docs/graph-facts.md 2: read and written by id only; value is required in every PATCH.
          endpoint("copilot.policySettings", "/copilot/admin/policySettings", Endpoint.Kind.FIXED_IDS, false,
              POLICY_SETTING_IDS, null, List.of("value"), Map.of()),
          singleton("people.pronouns", "/admin/people/pronouns", false, List.of(), Map.of()),
          singleton("people.namePronunciation", "/admin/people/namePronunciation", true, List.of(), Map.of()),
          singleton("people.itemInsights", "/admin/people/itemInsights", false, List.of(), Map.of()),
          // docs/graph-facts.md 6.5: "source" is documented but missing from the production metadata.
          singleton("people.photoUpdateSettings", "/admin/people/photoUpdateSettings", true, List.of(),
              Map.of("source", "Edm.String")),
          // profilesource.md and its pages (v1.0, beta): addressed as profileSources(sourceId='...'), sourceId being
          // "a readable and unique profile source identifier" that "isn't updateable"; GET of one is bare. The docs
          // do not say Graph ignores the case of sourceId, so it is matched exactly.
          endpoint("people.profileSources", "/admin/people/profileSources", Endpoint.Kind.COLLECTION, false,
              List.of(), ItemKey.alternate("sourceId", false), List.of(), Map.of()),
          // docs/graph-facts.md 3: named by displayName (name kept for backward compatibility), one nameless
          // tenant-wide
          // entry, names unique ignoring case, items addressed by their server-made id; GET of one is wrapped.
          endpoint("people.profilePropertySettings", "/admin/people/profilePropertySettings", Endpoint.Kind.COLLECTION,
              true, List.of(), new ItemKey("displayName", "name", true, true, false, true), List.of(),
              // Only the v1.0 create page marks prioritizedSourceUrls "Required"; beta's marks nothing.
              Map.of(ApiVersion.V1_0, List.of("prioritizedSourceUrls")), Map.of()),
          // docs/graph-facts.md 7 (m365copilot-docs docs/api/admin-settings/package/): the agent catalog. Packages are
          // published in Microsoft 365; the list answers copilotPackage objects, the item's GET copilotPackageDetail
          // (bare); PATCH sets the two access lists; block, unblock and reassign are bound to each package.
          catalog("copilot.agents", "/copilot/admin/catalog/packages", "microsoft.graph.copilotPackage", List.of(
              ItemAction.setting("block", "isBlocked", BooleanNode.TRUE),
              ItemAction.setting("unblock", "isBlocked", BooleanNode.FALSE),
              ItemAction.settingToAUser("reassign", "ownerId", "userId"))),
          // docs/graph-facts.md 6.4: addressed by directoryPropertyName, which Graph matches ignoring case.
          endpoint("people.profileCardProperties", "/admin/people/profileCardProperties", Endpoint.Kind.COLLECTION,
              false, List.of(), new ItemKey("directoryPropertyName", null, true, false, true, true), List.of(),
              Map.of()),
          // docs/graph-facts.md 5: a user's interests have server-made ids; Graph holds two of one displayName alike.
          endpoint("interests", "/users/{user}/profile/interests", Endpoint.Kind.COLLECTION, false, List.of(),
              new ItemKey("displayName", null, true, false, false, false), List.of(), Map.of()),
          // Beta insightssettings-update, organizationsettings-list-{peopleinsights,contactinsights}: under the
          // tenant's organization object, addressed by its id; GET answers the object bare.
          singleton("organization.peopleInsights", "/organization/{organization}/settings/peopleInsights", false,
              List.of(), Map.of()),
          singleton("organization.contactInsights", "/organization/{organization}/settings/contactInsights", false,
              List.of(), Map.of()),
          // Beta microsoftapplicationdataaccesssettings-update and
          // organizationsettings-list-microsoftapplicationdataaccess (one older page names the relationship
          // microsoftApplicationDataAccessSettings; the metadata, and these pages, name this path).
          singleton("organization.microsoftApplicationDataAccess",
              "/organization/{organization}/settings/microsoftApplicationDataAccess", false, List.of(), Map.of()),
          // usersettings-get/-update, userinsightssettings-get/-update (v1.0 and beta): a user's settings, and the
          // item insights setting Graph nests in them; GET answers each bare.
          singleton("settings", "/users/{user}/settings", false, List.of(), Map.of()),
          singleton("settings.itemInsights", "/users/{user}/settings/itemInsights", false, List.of(), Map.of()));

  private Endpoints() {}

  static List<Endpoint> tenantWide() {
    return ALL.stream().filter(e -> !e.perUser()).toList();
  }

  static List<Endpoint> perUser() {
    return ALL.stream().filter(Endpoint::perUser).toList();
  }

  static Optional<Endpoint> byStateName(String stateName) {
    return ALL.stream().filter(e -> e.stateName().equals(stateName)).findFirst();
  }

  private static Endpoint singleton(
      String stateName, String path, boolean getWrapped, List<String> required, Map<String, String> notInMetadata) {
    return endpoint(stateName, path, Endpoint.Kind.SINGLETON, getWrapped, List.of(), null, required, notInMetadata);
  }

  /** A catalog: items keyed by their id (ignoring case), listed as {@code listedAs}, with actions bound to them. */
  private static Endpoint catalog(String stateName, String path, String listedAs, List<ItemAction> actions) {
    Endpoint e = endpoint(stateName, path, Endpoint.Kind.CATALOG, false, List.of(),
        new ItemKey("id", null, true, false, true, true), List.of(), Map.of());
    return new Endpoint(e.stateName(), e.path(), e.kind(), e.entityType(), e.versions(), e.getWrapped(),
        e.fixedIds(), e.key(), e.required(), e.requiredOnCreate(), e.notInMetadata(), listedAs, actions);
  }

  /** An endpoint whose create pages require nothing beyond {@code required}. */
  private static Endpoint endpoint(String stateName, String path, Endpoint.Kind kind, boolean getWrapped,
      List<String> fixedIds, ItemKey key, List<String> required, Map<String, String> notInMetadata) {
    return endpoint(stateName, path, kind, getWrapped, fixedIds, key, required, Map.of(), notInMetadata);
  }

  /** The endpoint, with its entity type and versions as the metadata of each version has the path. */
  private static Endpoint endpoint(String stateName, String path, Endpoint.Kind kind, boolean getWrapped,
      List<String> fixedIds, ItemKey key, List<String> required, Map<ApiVersion, List<String>> requiredOnCreate,
      Map<String, String> notInMetadata) {
    Set<ApiVersion> versions = EnumSet.noneOf(ApiVersion.class);
    List<String> types = new ArrayList<>();
    for (ApiVersion v : ApiVersion.values()) {
      GraphMetadata.load(v.segment()).path(path)
          .filter(t -> t.missing() == null && t.type() != null)
          .ifPresent(t -> {
            versions.add(v);
            types.add(t.type());
          });
    }
    if (versions.isEmpty() || types.stream().distinct().count() != 1) {
      throw new IllegalStateException("the metadata slices have no single entity type at " + path + ": " + types);
    }
    return new Endpoint(stateName, path, kind, types.get(0), Set.copyOf(versions), getWrapped, fixedIds, key,
        required, requiredOnCreate, notInMetadata);
  }
}
