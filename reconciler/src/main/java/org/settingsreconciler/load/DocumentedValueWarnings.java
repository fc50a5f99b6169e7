package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import tools.jackson.databind.JsonNode;

/**
 * Warnings, not errors, for values the docs do not list where Graph's metadata types the property as any string.
 * The metadata is the source of truth for types, and a real tenant may hold other values (an export must validate),
 * so the schema accepts them; but a value next to a documented one is most likely a typo, worth a word (with the
 * value meant) before it is applied.
 */
public final class DocumentedValueWarnings {

  /**
   * The documented values, by resource type and property. personInterest.collaborationTags, Collection(Edm.String):
   * "Allowed values in the collection are: askMeAbout, ableToMentor, wantsToLearn, wantsToImprove"
   * (microsoft-graph-docs-contrib api-reference/beta/resources/personinterest.md).
   */
  private static final Map<String, Map<String, List<String>>> DOCUMENTED = Map.of(
      "users.interests", Map.of("collaborationTags", List.of("askMeAbout", "ableToMentor", "wantsToLearn",
          "wantsToImprove")));

  private DocumentedValueWarnings() {}

  /** Whether the items of this property's list are checked, so the loader keeps where each was written. */
  static boolean listsDocumentedValues(String type, String property) {
    return DOCUMENTED.getOrDefault(type, Map.of()).containsKey(property);
  }

  /** One warning per undocumented string in a checked list, at the item where it was written. */
  public static List<ConfigError> in(DesiredState state) {
    List<ConfigError> out = new ArrayList<>();
    for (DesiredResource r : state.resources()) {
      DOCUMENTED.getOrDefault(r.id().descriptor().type(), Map.of()).forEach((property, documented) -> {
        JsonNode list = r.properties().get(property);
        for (int i = 0; list != null && list.isArray() && i < list.size(); i++) {
          JsonNode item = list.get(i);
          if (!item.isString() || documented.contains(item.asString())) {
            continue;
          }
          String at = DesiredResource.itemOf(property, i);
          Location where = r.propertyLocations().getOrDefault(at, r.propertyLocations().get(property));
          out.add(new ConfigError(where, r.address() + "." + at, "\"" + item.asString()
              + "\" is not one of the documented tags (" + String.join(", ", documented) + ")"
              + Suggestions.closest(item.asString(), documented).map(s -> "; did you mean " + s + "?").orElse("")));
        }
      });
    }
    return out;
  }
}
