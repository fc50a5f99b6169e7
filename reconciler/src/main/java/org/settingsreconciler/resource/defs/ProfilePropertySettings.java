package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.STRING_LIST;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.PatchRule;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.PruneRule;
import org.settingsreconciler.resource.Reference;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ValueComparator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Profile property settings (docs/graph-facts.md section 3), keyed in YAML by the setting's name. The docs (v1.0,
 * 2026-03)
 * call {@code displayName} the "Name of the property-level setting" and keep {@code name} as its "Other name ... For
 * backward compatibility", and their create example writes both alike: so the key is read from displayName, or from
 * name where a tenant fills only that, and a create writes it into both. Where a tenant holds both and they differ,
 * displayName is the key; name is not managed (see docs/metadata-differences.md). The one entry with neither is the
 * tenant-wide source precedence; YAML calls it {@value #SOURCE_PRECEDENCE}. The docs say it must never be deleted,
 * only patched back to the Entra ID source alone, and that Graph appends the Entra ID source to a list that lacks it.
 */
public final class ProfilePropertySettings {

  /** The YAML key of the nameless, tenant-wide source precedence entry. */
  public static final String SOURCE_PRECEDENCE = "sourcePrecedence";

  /** The setting's name: displayName, or the older name where displayName is empty; matched ignoring case. */
  static final CollectionKey KEY = new CollectionKey("displayName", "name", true, SOURCE_PRECEDENCE, false);

  /** The two documented ids of the Microsoft Entra ID profile source. */
  public static final List<String> ENTRA_SOURCE_IDS =
      List.of("4ce763dd-9214-4eff-af7c-da491cc3782d", "0024a795-114d-4031-95c7-5fb543e00e80");

  /** The source list the nameless entry is reset to instead of being deleted. */
  public static final String ENTRA_SOURCE_URL = entraSourceUrl(GraphVersion.BETA);

  /**
   * The Entra ID source's URL as Graph appends it to a list written under {@code version}: the docs' beta examples
   * show it under /beta, their v1.0 examples under /v1.0 (docs/graph-facts.md section 3).
   */
  static String entraSourceUrl(GraphVersion version) {
    return "https://graph.microsoft.com" + version.prefix() + "/admin/people/profileSources(sourceId='"
        + ENTRA_SOURCE_IDS.get(0) + "')";
  }

  public static boolean isEntraSource(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return ENTRA_SOURCE_IDS.stream().anyMatch(id -> lower.contains("sourceid='" + id + "'"));
  }

  /**
   * The list Graph stores when sent {@code sent} under {@code version}: the same, with the Entra ID source appended,
   * under that version, when it lacks one (the docs' POST examples show this). No list at all is stored as the Entra
   * ID source alone.
   */
  public static JsonNode entraAppended(JsonNode sent, GraphVersion version) {
    List<String> urls = ValueComparator.strings(sent);
    if (urls.stream().noneMatch(ProfilePropertySettings::isEntraSource)) {
      urls.add(entraSourceUrl(version));
    }
    var out = JsonNodeFactory.instance.arrayNode();
    urls.forEach(out::add);
    return out;
  }

  /** The list of the Entra ID source alone: what a setting holds when no other source is named. */
  static JsonNode entraOnly() {
    var out = JsonNodeFactory.instance.arrayNode();
    out.add(ENTRA_SOURCE_URL);
    return out;
  }

  /**
   * What a list entry names, as lists are compared: a profile source by its sourceId (ignoring case, as sources are
   * matched; the Entra ID source by either documented id), whatever host and version its URL is under, so
   * {@code .../v1.0/...(sourceId='contosohr1')} and {@code .../beta/...(sourceId='contosohr1')} are one entry; any
   * other URL as written.
   */
  static String named(String url) {
    return ProfileSources.sourceIdIn(url)
        .map(id -> ProfileSources.isEntraSourceId(id) ? "source:entra" : "source:" + id.toLowerCase(Locale.ROOT))
        .orElse("url:" + url);
  }

  /**
   * Lists are compared by what their entries name, in order (see {@link #named}). Graph appends the Entra ID source
   * when a list lacks it, so a desired list without it is also satisfied by the same list followed by Entra ID
   * sources. Without this every apply would be followed by false drift.
   */
  static final ValueComparator ENTRA_APPENDED =
      (desired, current) -> {
        if (ValueComparator.sameJson(desired, current)) {
          return true;
        }
        if (desired == null || !desired.isArray() || current == null || !current.isArray()
            || !allStrings(desired) || !allStrings(current)) {
          return false;
        }
        List<String> want = ValueComparator.strings(desired).stream().map(ProfilePropertySettings::named).toList();
        List<String> have = new ArrayList<>(
            ValueComparator.strings(current).stream().map(ProfilePropertySettings::named).toList());
        if (want.equals(have)) {
          return true;
        }
        if (want.stream().anyMatch(ProfilePropertySettings::namesEntra)) {
          return false;
        }
        while (!have.isEmpty() && namesEntra(have.get(have.size() - 1)) && have.size() > want.size()) {
          have.remove(have.size() - 1);
        }
        return want.equals(have);
      };

  private static boolean namesEntra(String named) {
    return named.equals("source:entra");
  }

  /** Whether every entry is a string: a list holding anything else is compared as JSON only. */
  private static boolean allStrings(JsonNode list) {
    for (JsonNode n : list) {
      if (!n.isString()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The nameless entry is reset to the Entra ID source alone and never deleted. A named entry is deleted, after the
   * same reset when its list holds other sources: the docs say a delete fails unless the list holds only the Entra
   * ID source.
   */
  static final PruneRule RESET_SOURCE_PRECEDENCE =
      item -> {
        boolean nameless = KEY.rawKeyOf(item) == null;
        List<String> have = ValueComparator.strings(item.get("prioritizedSourceUrls"));
        // An empty (or null) list holds no Entra ID source either: Graph refuses to delete the setting until it does.
        boolean entraOnly = !have.isEmpty() && have.stream().allMatch(ProfilePropertySettings::isEntraSource);
        boolean resetNeeded = nameless ? !(have.size() == 1 && entraOnly) : !entraOnly;
        ObjectNode reset = null;
        if (resetNeeded) {
          reset = JsonNodeFactory.instance.objectNode();
          reset.putArray("prioritizedSourceUrls").add(ENTRA_SOURCE_URL);
        }
        return new PruneRule.Decision(reset, !nameless);
      };

  /**
   * Every PATCH of a setting carries its list: v1.0's update page marks prioritizedSourceUrls "Required" (its intro
   * says to send only what changes; sending the tenant's own list again satisfies both readings). A rename, which
   * changes no list, is the PATCH this adds it to.
   */
  static final PatchRule LIST_IN_EVERY_PATCH =
      (body, desired, current) -> {
        JsonNode list = current.get("prioritizedSourceUrls");
        if (!body.has("prioritizedSourceUrls") && list != null && list.isArray()) {
          body.set("prioritizedSourceUrls", list.deepCopy());
        }
      };

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("people.profilePropertySettings")
          .title("Profile property setting")
          .collection("/admin/people/profilePropertySettings", KEY)
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .odataType("#microsoft.graph.profilePropertySetting")
          .property(
              PropertySpec.of("prioritizedSourceUrls", STRING_LIST)
                  .comparedWith(ENTRA_APPENDED)
                  .rewrittenByGraph(
                      ProfilePropertySettings::entraAppended,
                      "Graph appends the Entra ID source to a list that lacks it")
                  // v1.0's create page marks the list "Required"; a setting created without one would hold the
                  // Entra ID source alone (Graph appends it to every list), so that is what a create then sends.
                  .filledOnCreateWith(entraOnly()))
          // The sources a list names are created before it is written, and deleted only once no list names them.
          .references(new Reference("prioritizedSourceUrls", "people.profileSources", ProfileSources::sourceIdIn,
              ProfileSources::isEntraSourceId))
          .pruneRule(RESET_SOURCE_PRECEDENCE)
          .patchRule(LIST_IN_EVERY_PATCH)
          .permissions(
              Permissions.of(
                  Access.delegatedOrApp("PeopleSettings.Read.All", Access.NO_ROLE),
                  Access.delegatedOrApp("PeopleSettings.ReadWrite.All", "People Administrator"),
                  Access.delegatedOrApp("PeopleSettings.ReadWrite.All", "People Administrator"),
                  Access.delegatedOrApp("PeopleSettings.ReadWrite.All", "People Administrator")))
          .getWrappedInValue()
          .schema("resources/people.profilePropertySettings.schema.json")
          .build();

  private ProfilePropertySettings() {}
}
