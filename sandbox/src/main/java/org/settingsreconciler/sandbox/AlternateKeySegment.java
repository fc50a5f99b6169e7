package org.settingsreconciler.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route segment that names one item of a collection by an OData alternate key, as Graph addresses a profile source:
 * {@code profileSources(sourceId='hr1')}, the value an OData string literal (a quote inside it doubled). In a route
 * it is written {@code profileSources(sourceId={key})}. Names match ignoring case, as Graph's segments do; anything
 * else (no quotes, another key name, a second key) is no such segment, which Graph answers 400.
 */
final class AlternateKeySegment {

  private static final String VALUE = "{key})";

  private AlternateKeySegment() {}

  /** The route segment of a collection named {@code list} whose items are addressed by {@code property}. */
  static String pattern(String list, String property) {
    return list + "(" + property + "=" + VALUE;
  }

  static boolean isPattern(String routeSegment) {
    return routeSegment.endsWith("=" + VALUE);
  }

  /** The key {@code segment} gives for the route segment {@code pattern}, or null when it is not one. */
  static String valueIn(String pattern, String segment) {
    String prefix = pattern.substring(0, pattern.length() - VALUE.length());
    Matcher m = Pattern.compile(Pattern.quote(prefix) + "'((?:[^']|'')*)'\\)", Pattern.CASE_INSENSITIVE)
        .matcher(segment);
    return m.matches() ? m.group(1).replace("''", "'") : null;
  }
}
