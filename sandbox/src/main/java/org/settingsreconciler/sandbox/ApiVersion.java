package org.settingsreconciler.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * The Graph versions the sandbox serves, each under its own root ({@code /v1.0}, {@code /beta}), with the routes
 * Microsoft's metadata of that version has. The sandbox's own, not the tool's: it is Graph, and Graph does not know
 * which versions a client prefers.
 */
public enum ApiVersion {
  V1_0("v1.0"),
  BETA("beta");

  private final String segment;

  ApiVersion(String segment) {
    this.segment = segment;
  }

  /** The version as a path segment, and the name of its metadata slice: {@code v1.0}, {@code beta}. */
  public String segment() {
    return segment;
  }

  /** What a path under this version starts with: {@code /v1.0}. */
  public String prefix() {
    return "/" + segment;
  }

  /** The version a path starts with, its segment matched ignoring case as Graph does; empty for any other. */
  public static Optional<ApiVersion> leading(String path) {
    if (path == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    int end = path.indexOf('/', 1);
    String first = (end < 0 ? path.substring(1) : path.substring(1, end)).toLowerCase(Locale.ROOT);
    for (ApiVersion v : values()) {
      if (v.segment.equals(first)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return segment;
  }
}
