package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} clauses on {@code /groups} that clients of the reconciler send: {@code displayName eq 'x'},
 * {@code displayName in ('x', 'y')} and {@code startswith(displayName, 'x')} (the groups list page names eq, in and
 * startsWith among displayName's filters), with a quote inside a literal doubled as OData writes it. Names match
 * ignoring case, as Entra's default string comparison does. Anything else is refused the way Graph refuses an
 * unsupported query, so a client relying on more would notice here first; so are the limits Graph's known issues
 * give (concepts/known-issues.md, "Some limitations apply to query parameters"): at most {@value #MOST_IN_VALUES}
 * values in an {@code in}, and an {@code eq} value of at most {@value #LONGEST_EQ_VALUE} characters.
 */
final class GroupFilter {

  private static final String LITERAL = "'((?:[^']|'')*)'";
  private static final Pattern EQ =
      Pattern.compile("(?i)^\\s*displayName\\s+eq\\s+" + LITERAL + "\\s*$");
  private static final Pattern IN =
      Pattern.compile("(?i)^\\s*displayName\\s+in\\s*\\(\\s*(" + LITERAL + "(?:\\s*,\\s*" + LITERAL + ")*)\\s*\\)\\s*$");
  private static final Pattern STARTS_WITH =
      Pattern.compile("(?i)^\\s*startswith\\(\\s*displayName\\s*,\\s*" + LITERAL + "\\s*\\)\\s*$");
  private static final Pattern ONE_LITERAL = Pattern.compile(LITERAL);
  static final int MOST_IN_VALUES = 15;
  static final int LONGEST_EQ_VALUE = 120;

  /** The names asked for, or null for no filter (every group). */
  private final List<String> names;
  /** Whether a name asked for is a prefix of the display name (startswith) rather than all of it. */
  private final boolean prefix;

  private GroupFilter(List<String> names, boolean prefix) {
    this.names = names;
    this.prefix = prefix;
  }

  private GroupFilter(List<String> names) {
    this(names, false);
  }

  static GroupFilter parse(String filter) {
    if (filter == null) {
      return new GroupFilter(null);
    }
    Matcher startsWith = STARTS_WITH.matcher(filter);
    if (startsWith.matches()) {
      return new GroupFilter(List.of(unquote(startsWith.group(1))), true);
    }
    Matcher eq = EQ.matcher(filter);
    if (eq.matches()) {
      String name = unquote(eq.group(1));
      if (name.length() > LONGEST_EQ_VALUE) {
        throw unsupported("The value to match with eq is " + name.length() + " characters long; Graph matches at most "
            + LONGEST_EQ_VALUE + ".");
      }
      return new GroupFilter(List.of(name));
    }
    Matcher in = IN.matcher(filter);
    if (in.matches()) {
      List<String> names = new ArrayList<>();
      Matcher each = ONE_LITERAL.matcher(in.group(1));
      while (each.find()) {
        names.add(unquote(each.group(1)));
      }
      if (names.size() > MOST_IN_VALUES) {
        throw unsupported("The in clause has " + names.size() + " values; Graph takes at most " + MOST_IN_VALUES + ".");
      }
      return new GroupFilter(names);
    }
    throw unsupported("Unsupported or invalid query filter clause specified for property 'displayName' of resource "
        + "'Group'. The sandbox supports displayName eq and in, and startswith on displayName.");
  }

  private static GraphErrorException unsupported(String message) {
    return new GraphErrorException(400, "Request_UnsupportedQuery", message);
  }

  boolean matches(String displayName) {
    if (names == null) {
      return true;
    }
    String lower = displayName == null ? null : displayName.toLowerCase(Locale.ROOT);
    if (lower == null) {
      return false;
    }
    return names.stream().map(n -> n.toLowerCase(Locale.ROOT))
        .anyMatch(n -> prefix ? lower.startsWith(n) : n.equals(lower));
  }

  private static String unquote(String literalBody) {
    return literalBody.replace("''", "'");
  }
}
