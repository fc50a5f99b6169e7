package org.settingsreconciler.model;

import java.util.List;
import java.util.Map;

/**
 * The merged desired state of every file given, validated.
 *
 * @param resources the objects written in YAML, in registry then address order
 * @param collections the collections written in YAML (even empty ones), with their prune switch
 * @param userKeys where each key under {@code users:} was written, by the user principal name as written: a key
 *     whose user the directory lacks is an error there (see plan.UnknownUserKeys)
 */
public record DesiredState(List<DesiredResource> resources, List<CollectionScope> collections,
    Map<String, Location> userKeys) {

  public DesiredState {
    userKeys = Map.copyOf(userKeys);
  }

  /** A desired state that knows no places of users: keys (built in code rather than loaded). */
  public DesiredState(List<DesiredResource> resources, List<CollectionScope> collections) {
    this(resources, collections, Map.of());
  }

  public static DesiredState empty() {
    return new DesiredState(List.of(), List.of());
  }

  public boolean isEmpty() {
    return resources.isEmpty() && collections.isEmpty();
  }
}
