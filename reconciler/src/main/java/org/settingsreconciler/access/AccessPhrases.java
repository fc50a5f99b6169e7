package org.settingsreconciler.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.Permissions;

/**
 * How the {@code permissions} report and the preflight's messages say what a resource's writes need, so both word it
 * alike: its writes may differ in role (a profile card property: Global Administrator to create and delete, People
 * Administrator to update).
 */
final class AccessPhrases {

  private AccessPhrases() {}

  /** The delegated permissions of the resource's writes, each once. */
  static String writePermissions(Permissions p) {
    Set<String> out = new LinkedHashSet<>();
    p.writes().forEach(op -> out.add(p.of(op).delegated()));
    return String.join(", ", out);
  }

  /**
   * The directory roles the docs name for the resource's writes: empty when they name none, the role alone when every
   * write names it, else each role with its operations ("Global Administrator to create and delete, People
   * Administrator to update").
   */
  static String writeRoles(Permissions p) {
    Map<String, List<String>> byRole = new LinkedHashMap<>();
    for (Operation op : p.writes()) {
      p.of(op).namedRole().ifPresent(r -> byRole.computeIfAbsent(r, k -> new ArrayList<>()).add(op.verb()));
    }
    if (byRole.size() == 1 && byRole.values().iterator().next().size() == p.writes().size()) {
      return byRole.keySet().iterator().next();
    }
    List<String> parts = new ArrayList<>();
    byRole.forEach((role, verbs) -> parts.add(role + " to " + and(verbs)));
    return String.join(", ", parts);
  }

  /** "a", "a and b", "a, b and c". */
  static String and(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
  }
}
