package org.settingsreconciler.run;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.sandbox.Fault;

/**
 * Whether a sandbox fault that names a Graph version can fire at all in this run: a fault for
 * {@code /beta/admin/people/pronouns} never does once pronouns go to v1.0, and a user trying faults would otherwise
 * wait for one that cannot come.
 */
final class FaultVersionCheck {

  private FaultVersionCheck() {}

  /** Why {@code fault} will not fire under {@code versions}, or empty when it may (or names no version). */
  static Optional<String> problem(Fault fault, VersionChoice versions) {
    String path = fault.path();
    int slash = path.indexOf('/', 1);
    if (!path.startsWith("/") || slash < 0) {
      return Optional.empty();
    }
    Optional<GraphVersion> named = GraphVersion.named(path.substring(1, slash));
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String rest = path.substring(slash);
    return resourceAt(rest).flatMap(d -> {
      GraphVersion sent = versions.choose(d.versions());
      return sent == named.get() ? Optional.empty()
          : Optional.of("it will not fire: this run sends " + d.type() + " to " + sent.prefix() + ", not "
              + named.get().prefix() + "; write the path without a version (" + rest + ") to match either");
    });
  }

  /** The resource whose Graph path {@code path} is, or is under (the longest such path wins). */
  private static Optional<ResourceDescriptor> resourceAt(String path) {
    return ResourceRegistry.all().stream()
        .filter(d -> Pattern.compile(pattern(d) + "(/.*)?", Pattern.CASE_INSENSITIVE).matcher(path).matches())
        .max(Comparator.comparingInt(d -> d.path().length()));
  }

  /** What a descriptor's path holds for its user or organization id. */
  private static final Pattern PLACEHOLDER = Pattern.compile("/users/\\{user}|\\{(user|organization)}");

  /**
   * A descriptor's path as a pattern: {@code {user}} and {@code {organization}} stand for any one segment, and
   * {@code /users/{user}} also for a user in parentheses, as plans show one whose name begins with {@code $}
   * ({@code /users('$x@y')}: ResourceId.userPath).
   */
  private static String pattern(ResourceDescriptor d) {
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(d.path());
    int from = 0;
    while (m.find()) {
      out.append(Pattern.quote(d.path().substring(from, m.start())))
          .append(m.group(1) == null ? "/users(?:/[^/]+|\\('[^/]*'\\))" : "[^/]+");
      from = m.end();
    }
    return out.append(Pattern.quote(d.path().substring(from))).toString();
  }
}
