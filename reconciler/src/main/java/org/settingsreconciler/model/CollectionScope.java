package org.settingsreconciler.model;

import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;

/**
 * A whole collection the YAML manages: a tenant collection, or one user's collection. Only scopes written in the
 * YAML are read from the tenant, and only they can be pruned.
 *
 * @param user the UPN as first written, for user-scoped collections; else null
 */
public record CollectionScope(ResourceDescriptor descriptor, String user, boolean prune, Location location) {

  public String address() {
    return ResourceId.scopeAddress(descriptor, user);
  }
}
