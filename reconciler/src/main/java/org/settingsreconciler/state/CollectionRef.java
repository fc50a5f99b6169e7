package org.settingsreconciler.state;

import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;

/**
 * A whole collection to read: a tenant collection, or one user's.
 *
 * @param user the user principal name for user-scoped collections, else null
 */
public record CollectionRef(ResourceDescriptor descriptor, String user) {

  public String address() {
    return ResourceId.scopeAddress(descriptor, user);
  }

  /** The list's path under the version {@code versions} chooses for the resource. */
  public String basePath(VersionChoice versions) {
    return ResourceId.basePath(descriptor, user, versions);
  }
}
