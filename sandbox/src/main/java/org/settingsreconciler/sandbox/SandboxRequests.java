package org.settingsreconciler.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link SandboxRequest} from a raw path and query relative to a version's root ({@code /v1.0},
 * {@code /beta}): the same parsing for a request of its own and for a {@code $batch} item, so both are served alike.
 */
final class SandboxRequests {

  private SandboxRequests() {}

  static SandboxRequest of(
      ApiVersion version, String method, String relativeRawPath, String rawQuery, String bodyText) {
    return new SandboxRequest(version, method, decodeSegments(relativeRawPath), relativeRawPath, rawQuery,
        decodeQuery(version, rawQuery), bodyText);
  }

  /** The OData query options whose {@code $} beta lets a client leave out (concepts/query-parameters.md). */
  private static final Set<String> SYSTEM_OPTIONS =
      Set.of("count", "expand", "filter", "format", "orderby", "search", "select", "skip", "skiptoken", "top");

  /**
   * The name a decoded query option goes by, lower-cased as OData option names ignore case: on beta, where "the `$`
   * prefix is optional", {@code top} is {@code $top}. (On v1.0 it is optional "for only a subset of APIs", which the
   * docs do not name, so there {@code top} stays a parameter of its own.)
   */
  static String optionName(ApiVersion version, String decodedName) {
    String name = decodedName.toLowerCase(Locale.ROOT);
    return version == ApiVersion.BETA && SYSTEM_OPTIONS.contains(name) ? "$" + name : name;
  }

  /** The path as faults name it: the version, then the decoded segments, without query. */
  static String faultPath(SandboxRequest r) {
    return r.version().prefix() + "/" + String.join("/", r.segments());
  }

  /**
   * A fault's path as written (as plans show paths: {@code /beta/users('$x@y')/profile/interests}, percent-encoded) in
   * the form {@link #faultPath(SandboxRequest)} names requests: segments decoded, a user in parentheses as
   * {@code users/<name>}; the version kept if it is given. A segment that is not correctly encoded stays as written.
   */
  static String faultPath(String written) {
    ApiVersion version = ApiVersion.leading(written).orElse(null);
    String relative = version == null ? written : written.substring(version.prefix().length());
    List<String> segments = new ArrayList<>();
    for (String raw : relative.split("/")) {
      if (!raw.isEmpty()) {
        segments.add(decoded(raw).orElse(raw));
      }
    }
    return (version == null ? "" : version.prefix()) + "/" + String.join("/", userKeyAsSegment(segments));
  }

  /** Percent-decodes each segment; '+' is literal in paths, unlike in queries. */
  private static List<String> decodeSegments(String relative) {
    List<String> out = new ArrayList<>();
    for (String raw : relative.split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      out.add(decoded(raw).orElseThrow(
          () -> GraphErrors.badRequest("The path segment '" + raw + "' is not correctly encoded.")));
    }
    return Collections.unmodifiableList(usersByKeyInParentheses(out));
  }

  private static java.util.Optional<String> decoded(String rawSegment) {
    try {
      return java.util.Optional.of(URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static final Pattern USER_BY_KEY =
      Pattern.compile("users\\('((?:[^']|'')*)'\\)", Pattern.CASE_INSENSITIVE);

  /**
   * {@code users('$x@y.com')} is {@code users/$x@y.com}, as OData reads a key in parentheses; Graph asks for that form
   * for a principal name that begins with {@code $} and answers {@code /users/$x@y.com} 400, since a segment that
   * begins with {@code $} is one of OData's own (user-get.md, v1.0 and beta, "HTTP request").
   */
  private static List<String> usersByKeyInParentheses(List<String> segments) {
    List<String> keyed = userKeyAsSegment(segments);
    if (keyed != segments) {
      return keyed;
    }
    if (segments.size() > 1 && segments.get(0).equalsIgnoreCase("users") && segments.get(1).startsWith("$")) {
      throw GraphErrors.badRequest("The segment '" + segments.get(1) + "' begins with '$', which OData keeps for its "
          + "own segments; a user whose name begins with '$' is /users('" + segments.get(1).replace("'", "''")
          + "').");
    }
    return segments;
  }

  /** {@code users('x')} first as {@code users/x}; the same list when the first segment is no user in parentheses. */
  private static List<String> userKeyAsSegment(List<String> segments) {
    Matcher m = segments.isEmpty() ? null : USER_BY_KEY.matcher(segments.get(0));
    if (m == null || !m.matches()) {
      return segments;
    }
    List<String> out = new ArrayList<>(segments.size() + 1);
    out.add("users");
    out.add(m.group(1).replace("''", "'"));
    out.addAll(segments.subList(1, segments.size()));
    return out;
  }

  private static Map<String, String> decodeQuery(ApiVersion version, String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      try {
        out.put(
            optionName(version, URLDecoder.decode(kv[0], StandardCharsets.UTF_8)),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      } catch (IllegalArgumentException e) {
        throw GraphErrors.badRequest("The query option '" + pair + "' is not correctly encoded.");
      }
    }
    return out;
  }
}
