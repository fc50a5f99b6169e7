package org.settingsreconciler.graph;

import java.util.Locale;
import java.util.Optional;

/**
 * The Graph API versions the tool speaks (docs/graph-facts.md 9.1): v1.0, which Microsoft supports for production use,
 * and
 * beta. Every request path starts with its version ({@code /v1.0/admin/people/pronouns}), and a JSON batch goes to
 * one version's {@code /$batch}, its items' URLs relative to that version.
 */
public enum GraphVersion {
  V1_0("v1.0"),
  BETA("beta");

  private final String segment;

  GraphVersion(String segment) {
    this.segment = segment;
  }

  /** The version as a URL path segment: {@code v1.0}, {@code beta}. */
  public String segment() {
    return segment;
  }

  /** What a path under this version starts with: {@code /v1.0}. */
  public String prefix() {
    return "/" + segment;
  }

  /** The version a path segment names, ignoring case as Graph does; empty for any other segment. */
  public static Optional<GraphVersion> named(String segment) {
    for (GraphVersion v : values()) {
      if (v.segment.equals(segment.toLowerCase(Locale.ROOT))) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The version a path starts with ({@code /v1.0/admin/...} is v1.0), or empty when its first segment names none. A
   * query may follow the version ({@code /beta?x}) only in a malformed path, so it does not count.
   */
  public static Optional<GraphVersion> leading(String path) {
    if (path == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    int end = path.indexOf('/', 1);
    return named(end < 0 ? path.substring(1) : path.substring(1, end));
  }

  @Override
  public String toString() {
    return segment;
  }
}
