package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Words a value that fails a schema's {@code pattern} for a person: a regex is never shown. A pattern of names
 * joined by commas ({@code ^(a|b)(,(a|b))*$}, a flags enum such as allowedAudiences) lists the names and offers the
 * close one; a GUID's says so; any other says what its schema object's description says the value is. Every
 * pattern in {@code schemas/} is worded by one of these (PatternWordingTest checks each).
 */
final class PatternWording {

  /** A flags enum written as names joined by commas: {@code ^(me|family)(,(me|family))*$}. */
  private static final Pattern NAMES_JOINED_BY_COMMAS = Pattern.compile("\\^\\(([A-Za-z|]+)\\)\\(,\\(\\1\\)\\)\\*\\$");

  /**
   * OData's member for a value newer than the client (an evolvable enum): Graph may answer it, so a tenant's value
   * holding it must validate, but it is not a value to write, and the docs do not list it.
   */
  private static final String UNKNOWN_FUTURE_VALUE = "unknownFutureValue";

  /** How a GUID pattern starts ({@code common.schema.json#/$defs/guid}). */
  private static final String GUID = "[0-9a-fA-F]{8}-";

  /** What is said of a pattern whose schema object has no description: a schema in schemas/ never leaves it so. */
  static final String UNDESCRIBED = "of the form expected here";

  private PatternWording() {}

  /**
   * @param holder the schema object holding the pattern (for its description), or null where it cannot be found
   * @param value the string that failed it
   */
  static String of(String pattern, JsonNode holder, String value) {
    if (pattern.contains(GUID)) {
      return "must be an Entra object id (a GUID such as 4c563cdf-0efa-44c5-a384-dbf57db277df)";
    }
    Matcher names = NAMES_JOINED_BY_COMMAS.matcher(pattern);
    if (names.matches()) {
      return namesJoinedByCommas(List.of(names.group(1).split("\\|")), value);
    }
    String described = holder == null ? "" : holder.path("description").asString("");
    return "\"" + value + "\" is not " + (described.isEmpty() ? UNDESCRIBED : lowerFirst(described));
  }

  private static String namesJoinedByCommas(List<String> accepted, String value) {
    List<String> documented = new ArrayList<>(accepted);
    documented.remove(UNKNOWN_FUTURE_VALUE);
    String listed = String.join(", ", documented);
    for (String part : value.split(",", -1)) {
      if (accepted.contains(part)) {
        continue;
      }
      if (accepted.contains(part.strip())) {
        return "\"" + value + "\": join the values with commas and no spaces (" + value.replaceAll("\\s+", "")
            + ")";
      }
      return "\"" + part + "\" is not one of " + listed + " (comma-separated)"
          + Suggestions.closest(part, documented).map(s -> "; did you mean " + s + "?").orElse("");
    }
    return "\"" + value + "\" is not a list of " + listed + " joined by commas";
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
