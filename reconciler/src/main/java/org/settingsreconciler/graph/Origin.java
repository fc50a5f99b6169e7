package org.settingsreconciler.graph;

import java.net.URI;

/**
 * The Graph root a run talks to, and the one place that turns paths and next links into {@link Wire} requests. A
 * next link is followed only to this host, so a token never goes anywhere else.
 */
final class Origin {

  private final URI root;
  private final String rootPath;

  Origin(URI root) {
    String s = root.toString();
    this.root = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.rootPath = this.root.getRawPath() == null ? "" : this.root.getRawPath();
  }

  URI root() {
    return root;
  }

  /** {@code /$batch} under the version root. */
  URI batchUri() {
    return URI.create(root + "/$batch");
  }

  Wire wire(GraphRequest request) {
    return new Wire(request.method(), URI.create(root + request.path()), request.path(), request.body());
  }

  Wire get(String path) {
    return wire(GraphRequest.get(path));
  }

  /** The GET of a list's next page. Relative links are taken as relative to the version root, as Graph means them. */
  Wire nextPage(String link, int status, String requestId) throws GraphException {
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
    if (!u.isAbsolute()) {
      return get(link.startsWith("/") ? link : "/" + link);
    }
    boolean same =
        root.getScheme().equalsIgnoreCase(u.getScheme())
            && root.getHost().equalsIgnoreCase(u.getHost())
            && root.getPort() == u.getPort();
    if (!same) {
      throw Responses.malformed("an @odata.nextLink to another host (" + u.getHost() + ")", status, requestId);
    }
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    String relative = null;
    if (path.startsWith(rootPath + "/")) {
      // A batch item names its URL relative to the version root.
      relative = path.substring(rootPath.length()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
    return new Wire("GET", u, relative, null);
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
