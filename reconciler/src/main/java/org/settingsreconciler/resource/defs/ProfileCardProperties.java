package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;
import static org.settingsreconciler.resource.ValueKind.OBJECT_LIST;

import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * Profile card properties (graph-api.md section 6.4), keyed by directoryPropertyName, which is also the URL id.
 * Delegated sign-in only.
 */
public final class ProfileCardProperties {

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("people.profileCardProperties")
          .title("Profile card property")
          .collection(
              "/admin/people/profileCardProperties",
              new CollectionKey("directoryPropertyName", true, null, true))
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .odataType("#microsoft.graph.profileCardProperty")
          .property(PropertySpec.of("annotations", OBJECT_LIST))
          // Edm.Boolean, not nullable, in Microsoft's metadata; undocumented beyond that (graph-api.md 6.4). Managed so
          // that a card property hidden in the tenant is drift, not "in sync".
          .property(PropertySpec.of("isVisible", BOOLEAN))
          .permissions(Permissions.delegatedOnly("PeopleSettings.Read.All", "PeopleSettings.ReadWrite.All"))
          .schema("resources/people.profileCardProperties.schema.json")
          .build();

  private ProfileCardProperties() {}
}
