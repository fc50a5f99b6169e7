package org.settingsreconciler.graph;

import java.net.URI;

/**
 * The Graph root a run talks to, and the one place that turns paths and next links into {@link Wire} requests. The
 * root may end in a version (then every path must be under it, see {@link VersionChoice}); paths start with their
 * version and are sent under the root without it. A next link is followed only to this host, so a token never goes
 * anywhere else.
 */
final class Origin {

  private final URI root;
  /** The root without its version: what every path, version first, is appended to. */
  private final String base;
  private final String basePath;
  private final VersionChoice versions;

  Origin(URI root) {
    String s = root.toString();
    this.root = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.versions = VersionChoice.ofRoot(this.root.toString());
    this.base = VersionChoice.withoutVersion(this.root.toString());
    String path = URI.create(base).getRawPath();
    this.basePath = path == null ? "" : path;
  }

  URI root() {
    return root;
  }

  VersionChoice versions() {
    return versions;
  }

  /** {@code /$batch} under one version's root. */
  URI batchUri(GraphVersion version) {
    return URI.create(base + version.prefix() + "/$batch");
  }

  /**
   * @throws IllegalArgumentException when the path does not start with its version, or names another than the one
   *     the root is pinned to: a path the tool made wrong, which must not reach Graph
   */
  Wire wire(GraphRequest request) {
    String path = request.path();
    GraphVersion version = GraphVersion.leading(path).orElseThrow(() -> new IllegalArgumentException(
        "a Graph path starts with its version (/v1.0 or /beta): " + path));
    if (versions.pinned() != null && version != versions.pinned()) {
      throw new IllegalArgumentException(
          "the Graph root " + root + " sends everything to " + versions.pinned() + ", not " + path);
    }
    return new Wire(request.method(), URI.create(base + path), version, path.substring(version.prefix().length()),
        request.body());
  }

  Wire get(String path) {
    return wire(GraphRequest.get(path));
  }

  /**
   * The GET of a list's next page. Graph sends absolute links; a relative one is taken as relative to the root of
   * {@code version}, the list's, unless it starts with a version's root path ({@code /v1.0/...}), which is relative to
   * the host.
   */
  Wire nextPage(String link, GraphVersion version, int status, String requestId) throws GraphException {
    if (link.isBlank()) {
      // Read as relative, "" names the version's root, whose service document is a "value" list too: the list
      // would end there as if complete.
      throw Responses.malformed("an empty @odata.nextLink", status, requestId);
    }
    URI u;
    try {
      u = URI.create(link);
    } catch (IllegalArgumentException e) {
      throw Responses.malformed("an invalid @odata.nextLink", status, requestId);
    }
    if (climbs(u.getRawPath())) {
      // "/users/x/../../admin/..." reads another path than the list's, wherever the dots are resolved.
      throw Responses.malformed("an @odata.nextLink with a \".\" or \"..\" segment", status, requestId);
    }
    if (!u.isAbsolute() && link.startsWith("/") && underVersion(u.getRawPath()) != null) {
      // "/v1.0/users?$skiptoken=...": relative to the host, as RFC 3986 reads a path that starts with "/". Under the
      // version's root it would name "/v1.0/v1.0/users".
      u = root.resolve(u);
    }
    if (!u.isAbsolute()) {
      return get(version.prefix() + (link.startsWith("/") ? link : "/" + link));
    }
    boolean same =
        root.getScheme().equalsIgnoreCase(u.getScheme())
            && root.getHost().equalsIgnoreCase(u.getHost())
            && root.getPort() == u.getPort();
    if (!same) {
      throw Responses.malformed("an @odata.nextLink to another host (" + u.getHost() + ")", status, requestId);
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    GraphVersion under = underVersion(path);
    if (under == null || path.length() == basePath.length() + under.prefix().length()) {
      return new Wire("GET", u, null, null, null); // not under a version root: it goes on its own
    }
    // A batch item names its URL relative to its version's root.
    String relative = path.substring(basePath.length() + under.prefix().length())
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    return new Wire("GET", u, under, relative, null);
  }

  /** The version whose root a raw path from the host's root is under (the root's own path first), or null. */
  private GraphVersion underVersion(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    return path.startsWith(basePath + "/") ? GraphVersion.leading(path.substring(basePath.length())).orElse(null) : null;
  }

  /** Whether a raw path has a "." or ".." segment, plain or percent-encoded (RFC 3986 makes %2E the same as "."). */
  private static boolean climbs(String rawPath) {
    if (rawPath == null) {
      return false;
    }
    for (String segment : rawPath.split("/", -1)) {
      String plain = segment.replace("%2E", ".").replace("%2e", ".");
      if (plain.equals(".") || plain.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
