package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;
import static org.settingsreconciler.resource.ValueKind.OBJECT_LIST;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * Profile card properties (docs/graph-facts.md section 6.4), keyed by directoryPropertyName, which is also the URL id
 * and
 * which Graph matches ignoring case (a tenant may answer customAttribute1 for CustomAttribute1). Delegated sign-in
 * only.
 */
public final class ProfileCardProperties {

  /**
   * The directory attributes the docs allow on the card, in their documented spelling (the schema's propertyNames
   * pattern takes each in any letter case; SchemaMatchesDescriptorsTest holds the two together).
   */
  public static final List<String> DIRECTORY_PROPERTY_NAMES = directoryPropertyNames();

  private static List<String> directoryPropertyNames() {
    List<String> names =
        new ArrayList<>(List.of("UserPrincipalName", "Fax", "StreetAddress", "PostalCode", "StateOrProvince", "Alias"));
    IntStream.rangeClosed(1, 15).forEach(i -> names.add("CustomAttribute" + i));
    return List.copyOf(names);
  }

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("people.profileCardProperties")
          .title("Profile card property")
          .collection(
              "/admin/people/profileCardProperties",
              new CollectionKey("directoryPropertyName", true, null, true))
          .keysLimitedTo(DIRECTORY_PROPERTY_NAMES)
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .odataType("#microsoft.graph.profileCardProperty")
          .property(PropertySpec.of("annotations", OBJECT_LIST))
          // Edm.Boolean, not nullable, in Microsoft's metadata; undocumented beyond that (docs/graph-facts.md 6.4).
          // Managed so
          // that a card property hidden in the tenant is drift, not "in sync".
          .property(PropertySpec.of("isVisible", BOOLEAN))
          .permissions(
              Permissions.of(
                  Access.delegatedOnly("PeopleSettings.Read.All", "Global Administrator"),
                  Access.delegatedOnly("PeopleSettings.ReadWrite.All", "Global Administrator"),
                  Access.delegatedOnly("PeopleSettings.ReadWrite.All", "People Administrator"),
                  Access.delegatedOnly("PeopleSettings.ReadWrite.All", "Global Administrator")))
          .schema("resources/people.profileCardProperties.schema.json")
          .build();

  private ProfileCardProperties() {}
}
