package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.settingsreconciler.load.Suggestions;
import org.settingsreconciler.resource.defs.AddressParser;
import org.settingsreconciler.resource.defs.AddressParser.Segment;

/**
 * For a target that matches nothing: the addresses that do exist beside it. The deepest part of the target that
 * exists is found, and what it holds one level down is listed, with the closest of those as a "did you mean": for
 * {@code people.profileCardProperties["Alais"]}, the card properties there are.
 */
final class NearbyAddresses {

  /** At most this many are listed; the rest are counted. */
  static final int SHOWN = 8;

  /** Every address and every start of one, by its match form (see Target), with how it is written. */
  private final Map<List<String>, String> prefixes = new LinkedHashMap<>();

  NearbyAddresses(List<String> addresses) {
    for (String a : addresses) {
      List<Segment> s = AddressParser.segments(a);
      for (int n = 1; n <= s.size(); n++) {
        List<Segment> start = s.subList(0, n);
        prefixes.putIfAbsent(Target.matchForm(start), AddressParser.write(start));
      }
    }
  }

  /** "; did you mean X? Nearby: a, b, c" for {@code target}, or "" when nothing is near. */
  String around(Target target) {
    List<Segment> s = target.segments();
    List<String> form = Target.matchForm(s);
    int depth = 0;
    for (int k = s.size() - 1; k > 0; k--) {
      if (prefixes.containsKey(form.subList(0, k))) {
        depth = k;
        break;
      }
    }
    // What exists one level below the deepest part that exists (below a section, when not even that exists: a
    // bare section says little), by the text that level adds.
    int level = depth == 0 ? 1 : depth;
    Map<String, String> below = new TreeMap<>();
    for (Map.Entry<List<String>, String> p : prefixes.entrySet()) {
      List<String> f = p.getKey();
      if (f.size() == level + 1 && f.subList(0, depth).equals(form.subList(0, depth))) {
        List<Segment> written = AddressParser.segments(p.getValue());
        below.put(depth == 0 ? p.getValue() : written.get(depth).text(), p.getValue());
      }
    }
    if (below.isEmpty()) {
      return ", which names no setting at all.";
    }
    StringBuilder b = new StringBuilder();
    String typed = depth == 0 ? target.text() : s.get(depth).text();
    // Stricter than for YAML keys: a user principal name a third away from another is another person.
    Optional<String> closest = Suggestions.closest(typed, below.keySet(), Math.max(2, typed.length() / 5));
    b.append(closest.map(c -> "; did you mean " + below.get(c) + "? ").orElse(". "));
    List<String> shown = new ArrayList<>(below.values());
    b.append(depth == 0 ? "There are: " : prefixes.get(form.subList(0, depth)) + " holds: ")
        .append(String.join(", ", shown.subList(0, Math.min(SHOWN, shown.size()))));
    if (shown.size() > SHOWN) {
      b.append(", and ").append(shown.size() - SHOWN).append(" more");
    }
    return b.append('.').toString();
  }
}
