package org.settingsreconciler.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * What a run whose Graph root names one version ({@code --graph-url .../v1.0}) cannot reach: a resource that exists
 * only in another version. Nothing is sent for it: Graph would only answer that the path does not exist.
 */
public final class VersionCheck {

  /** The code of a read that was not sent because the root's version lacks the resource. */
  public static final String NOT_IN_VERSION = "notInThisVersion";

  private VersionCheck() {}

  /** Why {@code d} cannot be reached through a root that says {@code versions}, or empty. */
  public static Optional<String> problem(ResourceDescriptor d, VersionChoice versions) {
    if (versions.serves(d.versions())) {
      return Optional.empty();
    }
    return Optional.of(d.type() + " exists only in Graph " + String.join(" and ",
        d.versions().stream().map(v -> v.segment()).toList()) + ", and the Graph root ends in /" + versions.pinned());
  }

  /** The read of {@code d} as not sent, when the root's version lacks it. */
  public static Optional<GraphError> refusal(ResourceDescriptor d, VersionChoice versions) {
    return problem(d, versions).map(p -> new GraphError(0, NOT_IN_VERSION, null, p, null,
        "give --graph-url without a version, so each setting goes to the version it exists in"));
  }

  /**
   * Settings in the desired state that the root's version lacks, each with where it is written. Plans refuse to start
   * with any, as they do for settings the cloud lacks.
   */
  public static List<String> problems(DesiredState state, VersionChoice versions) {
    Map<String, String> out = new LinkedHashMap<>();
    for (DesiredResource r : state.resources()) {
      problem(r.id().descriptor(), versions)
          .ifPresent(p -> out.putIfAbsent(r.address(), r.address() + " (" + r.location() + "): " + p));
    }
    for (CollectionScope c : state.collections()) {
      problem(c.descriptor(), versions)
          .ifPresent(p -> out.putIfAbsent(c.address(), c.address() + " (" + c.location() + "): " + p));
    }
    return List.copyOf(out.values());
  }
}
