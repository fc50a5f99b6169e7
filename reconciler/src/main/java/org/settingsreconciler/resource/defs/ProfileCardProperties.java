package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.OBJECT_LIST;

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
          .odataType("#microsoft.graph.profileCardProperty")
          .property(PropertySpec.of("annotations", OBJECT_LIST))
          .permissions(Permissions.delegatedOnly("PeopleSettings.Read.All", "PeopleSettings.ReadWrite.All"))
          .schema("resources/people.profileCardProperties.schema.json")
          .build();

  private ProfileCardProperties() {}
}
