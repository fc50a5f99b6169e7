package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;
import static org.settingsreconciler.resource.ValueKind.GROUP_ID;

import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * The insight and data-access settings under the tenant's organization object: beta only, at
 * {@code /organization/{organization}/settings/...}, whose id the run fills in with the tenant's. From the beta pages
 * insightssettings-update, organizationsettings-list-{peopleinsights,contactinsights,microsoftapplicationdataaccess}
 * and microsoftapplicationdataaccesssettings-update (docs/permissions.md gives their commits): each setting defaults
 * to enabled, disabledForGroup holds an Entra group id Graph does not check, and each operation needs its own
 * permission.
 */
public final class OrganizationSettings {

  private static final String GLOBAL_ADMINISTRATOR = "Global Administrator";

  public static final ResourceDescriptor PEOPLE_INSIGHTS =
      ResourceDescriptor.builder("organization.peopleInsights")
          .title("People insights")
          .singleton("/organization/{organization}/settings/peopleInsights")
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.insightsSettings")
          .property(PropertySpec.of("isEnabledInOrganization", BOOLEAN)) // Edm.Boolean, nullable in the metadata
          .property(PropertySpec.of("disabledForGroup", GROUP_ID))
          .permissions(Permissions.of(Access.delegatedOnly("User.Read.All", Access.NO_ROLE),
              Access.delegatedOnly("Organization.ReadWrite.All", GLOBAL_ADMINISTRATOR)))
          .globalOnly() // the GET page (organizationsettings-list-peopleinsights) lists the global cloud only
          .schema("resources/organization.peopleInsights.schema.json")
          .build();

  public static final ResourceDescriptor CONTACT_INSIGHTS =
      ResourceDescriptor.builder("organization.contactInsights")
          .title("Contact insights")
          .singleton("/organization/{organization}/settings/contactInsights")
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.insightsSettings")
          .property(PropertySpec.of("isEnabledInOrganization", BOOLEAN))
          .property(PropertySpec.of("disabledForGroup", GROUP_ID))
          .permissions(Permissions.of(Access.delegatedOrApp("Organization.Read.All", Access.NO_ROLE),
              Access.delegatedOrApp("Organization.ReadWrite.All", GLOBAL_ADMINISTRATOR)))
          .schema("resources/organization.contactInsights.schema.json")
          .build();

  /**
   * Whether Microsoft apps other than Microsoft 365's (Edge, say) may reach users' Microsoft 365 data. The docs call
   * the relationship microsoftApplicationDataAccessSettings on one page; the metadata, and the GET and PATCH pages,
   * name the path microsoftApplicationDataAccess, which is what Graph serves.
   */
  public static final ResourceDescriptor MICROSOFT_APPLICATION_DATA_ACCESS =
      ResourceDescriptor.builder("organization.microsoftApplicationDataAccess")
          .title("Microsoft application data access")
          .singleton("/organization/{organization}/settings/microsoftApplicationDataAccess")
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.microsoftApplicationDataAccessSettings")
          .property(PropertySpec.of("isEnabledForAllMicrosoftApplications", BOOLEAN))
          .property(PropertySpec.of("disabledForGroup", GROUP_ID))
          .permissions(Permissions.of(Access.delegatedOnly("Organization.Read.All", Access.NO_ROLE),
              Access.delegatedOnly("Organization.ReadWrite.All", Access.NO_ROLE)))
          .globalOnly() // the update page lists the global cloud only
          .schema("resources/organization.microsoftApplicationDataAccess.schema.json")
          .build();

  private OrganizationSettings() {}
}
