package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code $filter} clauses on {@code /groups} that clients of the reconciler send: {@code displayName eq 'x'}
 * and {@code displayName in ('x', 'y')}, with a quote inside a literal doubled as OData writes it. Names match
 * ignoring case, as Entra's default string comparison does. Anything else is refused the way Graph refuses an
 * unsupported query, so a client relying on more would notice here first.
 */
final class GroupFilter {

  private static final String LITERAL = "'((?:[^']|'')*)'";
  private static final Pattern EQ =
      Pattern.compile("(?i)^\\s*displayName\\s+eq\\s+" + LITERAL + "\\s*$");
  private static final Pattern IN =
      Pattern.compile("(?i)^\\s*displayName\\s+in\\s*\\(\\s*(" + LITERAL + "(?:\\s*,\\s*" + LITERAL + ")*)\\s*\\)\\s*$");
  private static final Pattern ONE_LITERAL = Pattern.compile(LITERAL);

  /** The names asked for, or null for no filter (every group). */
  private final List<String> names;

  private GroupFilter(List<String> names) {
    this.names = names;
  }

  static GroupFilter parse(String filter) {
    if (filter == null) {
      return new GroupFilter(null);
    }
    Matcher eq = EQ.matcher(filter);
    if (eq.matches()) {
      return new GroupFilter(List.of(unquote(eq.group(1))));
    }
    Matcher in = IN.matcher(filter);
    if (in.matches()) {
      List<String> names = new ArrayList<>();
      Matcher each = ONE_LITERAL.matcher(in.group(1));
      while (each.find()) {
        names.add(unquote(each.group(1)));
      }
      return new GroupFilter(names);
    }
    throw new GraphErrorException(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause "
        + "specified for property 'displayName' of resource 'Group'. The sandbox supports displayName eq and in.");
  }

  boolean matches(String displayName) {
    if (names == null) {
      return true;
    }
    String lower = displayName == null ? null : displayName.toLowerCase(Locale.ROOT);
    return names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(lower));
  }

  private static String unquote(String literalBody) {
    return literalBody.replace("''", "'");
  }
}
