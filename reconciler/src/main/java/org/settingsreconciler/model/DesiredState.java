package org.settingsreconciler.model;

import java.util.List;

/**
 * The merged desired state of every file given, validated.
 *
 * @param resources the objects written in YAML, in registry then address order
 * @param collections the collections written in YAML (even empty ones), with their prune switch
 */
public record DesiredState(List<DesiredResource> resources, List<CollectionScope> collections) {

  public static DesiredState empty() {
    return new DesiredState(List.of(), List.of());
  }

  public boolean isEmpty() {
    return resources.isEmpty() && collections.isEmpty();
  }
}
