package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.OBJECT_LIST;
import static org.settingsreconciler.resource.ValueKind.STRING;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.PruneRule;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * Profile sources: where users' profile data comes from, as people see it named (Microsoft's docs, v1.0 and beta,
 * microsoft-graph-docs-contrib {@code resources/profilesource.md}, {@code api/peopleadminsettings-list-profilesources.md},
 * {@code -post-profilesources.md}, {@code profilesource-get.md}, {@code -update.md}, {@code -delete.md} and
 * {@code concepts/profilesource-configure-settings.md}).
 *
 * <ul>
 *   <li>{@code GET} and {@code POST /admin/people/profileSources}; one source is read, updated and deleted as
 *       {@code /admin/people/profileSources(sourceId='{sourceId}')}: sourceId is an OData alternate key. Create
 *       answers 201, update 200 with the object, delete 204; a single GET answers the object itself (not wrapped).
 *   <li>"An organization administrator sets the sourceId property that is a readable and unique profile source
 *       identifier. The sourceId property isn't updateable": it is the YAML key, written on create, never sent in a
 *       PATCH. The docs do not say Graph ignores its case, so keys are matched exactly.
 *   <li>Writable: displayName, kind, webUrl (strings) and localizations (profileSourceLocalization: displayName,
 *       webUrl, languageTag), compared in order as Graph returns them.
 *   <li>"By default, Microsoft Entra ID is the source of profile data": the list shows it as a source of kind MSEntra
 *       whose sourceId is one of the two documented Entra ID ids ({@link ProfilePropertySettings#ENTRA_SOURCE_IDS}).
 *       The tool never deletes it, even with prune.
 *   <li>Permissions: PeopleSettings.Read.All to read, PeopleSettings.ReadWrite.All to write, delegated or
 *       application; a delegated write needs the People Administrator role (docs/permissions.md).
 * </ul>
 */
public final class ProfileSources {

  /** Keyed by sourceId, the alternate key Graph addresses a source by. */
  static final CollectionKey KEY = CollectionKey.alternate("sourceId");

  /** The Entra ID source is Graph's own: pruning leaves it, every other source is deleted. */
  static final PruneRule KEEP_ENTRA_SOURCE =
      item -> new PruneRule.Decision(null, !isEntraSourceId(KEY.rawKeyOf(item)));

  /**
   * A source as a profile property setting's prioritizedSourceUrls name it: a URL ending in
   * {@code /admin/people/profileSources(sourceId='...')} (any host and version, any letter case in the names), the
   * sourceId an OData string literal (a quote doubled). The docs' precedence examples also show other URLs
   * ({@code /external/connections/contosohr1}, {@code https://login.microsoftonline.com}): those name no source here.
   */
  private static final Pattern SOURCE_URL =
      Pattern.compile("/admin/people/profileSources\\(sourceId='((?:[^']|'')*)'\\)$", Pattern.CASE_INSENSITIVE);

  /** The sourceId a precedence URL names, or empty when it names no profile source. */
  public static Optional<String> sourceIdIn(String url) {
    Matcher m = SOURCE_URL.matcher(url);
    return m.find() ? Optional.of(m.group(1).replace("''", "'")).filter(id -> !id.isEmpty()) : Optional.empty();
  }

  /** Whether {@code sourceId} is one of the two documented ids of the Microsoft Entra ID source (any letter case). */
  public static boolean isEntraSourceId(String sourceId) {
    return sourceId != null
        && ProfilePropertySettings.ENTRA_SOURCE_IDS.stream().anyMatch(id -> id.equalsIgnoreCase(sourceId));
  }

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("people.profileSources")
          .title("Profile source")
          .collection("/admin/people/profileSources", KEY)
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .odataType("#microsoft.graph.profileSource")
          .property(PropertySpec.of("displayName", STRING))
          .property(PropertySpec.of("kind", STRING))
          .property(PropertySpec.of("webUrl", STRING))
          .property(PropertySpec.of("localizations", OBJECT_LIST))
          .pruneRule(KEEP_ENTRA_SOURCE)
          .permissions(
              Permissions.of(
                  Access.delegatedOrApp("PeopleSettings.Read.All", Access.NO_ROLE),
                  Access.delegatedOrApp("PeopleSettings.ReadWrite.All", "People Administrator"),
                  Access.delegatedOrApp("PeopleSettings.ReadWrite.All", "People Administrator"),
                  Access.delegatedOrApp("PeopleSettings.ReadWrite.All", "People Administrator")))
          .schema("resources/people.profileSources.schema.json")
          .build();

  private ProfileSources() {}
}
