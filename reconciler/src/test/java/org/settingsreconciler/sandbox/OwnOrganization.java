package org.settingsreconciler.sandbox;

import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;

/**
 * The sandbox tenant's own organization id, which the paths under {@code /organization/{organization}/} hold: what a
 * run learns from {@code GET /organization}, for tests that address the descriptors' paths themselves.
 */
final class OwnOrganization {

  private OwnOrganization() {}

  static String id(SandboxClient client) {
    return client.get(client.base() + "/organization?$select=id").body().at("/value/0/id").asString();
  }

  /** The descriptor's path (relative to a version) with the tenant's organization id filled in where it holds one. */
  static String path(SandboxClient client, ResourceDescriptor d) {
    return d.underOrganization() ? d.path().replace(ResourceId.ORGANIZATION, id(client)) : d.path();
  }
}
