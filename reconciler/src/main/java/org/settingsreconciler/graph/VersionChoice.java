package org.settingsreconciler.graph;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which Graph version each request of a run goes to. A Graph root without a version ({@code
 * https://graph.microsoft.com}, the default) leaves it to each resource: v1.0 where the resource exists there, as
 * Microsoft supports v1.0 for production use, else beta. A root ending in a version ({@code .../beta}, {@code
 * .../v1.0}) sends everything to that one.
 *
 * @param pinned the version the root names, or null for a root without one
 */
public record VersionChoice(GraphVersion pinned) {

  /** A root without a version: each resource in its own. */
  public static final VersionChoice EACH_RESOURCE = new VersionChoice(null);

  /** Everything in {@code v}, as a root ending in it says. */
  public static VersionChoice pinnedTo(GraphVersion v) {
    return new VersionChoice(v);
  }

  /**
   * What a Graph root (a URL, or any other name a run records for its Graph, such as the sandbox's) says: the
   * version its last path segment names, else each resource's own.
   */
  public static VersionChoice ofRoot(String root) {
    String last = lastSegment(root);
    return last == null ? EACH_RESOURCE : GraphVersion.named(last).map(VersionChoice::pinnedTo).orElse(EACH_RESOURCE);
  }

  /** The root without the version it ends in, if it ends in one; never with a trailing slash. */
  public static String withoutVersion(String root) {
    String r = trimmed(root);
    return ofRoot(r).pinned() == null ? r : r.substring(0, r.lastIndexOf('/'));
  }

  /**
   * The version of a resource that exists in {@code available}: the pinned one, whether it is there or not (see
   * {@link #serves}), else v1.0 where it is there, else beta.
   */
  public GraphVersion choose(Set<GraphVersion> available) {
    if (available.isEmpty()) {
      throw new IllegalArgumentException("a resource exists in at least one Graph version");
    }
    if (pinned != null) {
      return pinned;
    }
    return available.contains(GraphVersion.V1_0) ? GraphVersion.V1_0 : GraphVersion.BETA;
  }

  /** Whether a resource that exists in {@code available} can be reached at all: a pinned version must be one. */
  public boolean serves(Set<GraphVersion> available) {
    return pinned == null || available.contains(pinned);
  }

  /**
   * The path of a directory read that every version has ({@code /organization}, {@code /groups}, {@code /users}):
   * under v1.0 unless the root names another.
   */
  public String directoryPath(String relative) {
    return choose(EnumSet.allOf(GraphVersion.class)).prefix() + relative;
  }

  private static String trimmed(String root) {
    String r = root.strip();
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  /** The last segment of the root's path, or null when it has no path (a bare host) or is no URL. */
  private static String lastSegment(String root) {
    String r = trimmed(root);
    int schemeEnd = r.indexOf("://");
    int pathStart = schemeEnd < 0 ? -1 : r.indexOf('/', schemeEnd + 3);
    if (pathStart < 0) {
      return null;
    }
    return r.substring(r.lastIndexOf('/') + 1);
  }
}
