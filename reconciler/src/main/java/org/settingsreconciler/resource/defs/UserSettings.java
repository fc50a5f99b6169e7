package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;

import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * A user's own settings: {@code /users/{user}/settings} and, nested in it as Graph nests it,
 * {@code /users/{user}/settings/itemInsights}; both in v1.0 and beta. From the pages usersettings-{get,update} and
 * userinsightssettings-{get,update} (docs/permissions.md gives their commits): another user's settings are reached
 * only with User.ReadWrite.All, reads included, and item insights default to enabled.
 */
public final class UserSettings {

  private static final String OTHER_USERS = "User.ReadWrite.All";

  /**
   * Whether the user's documents feed content discovery (Delve, trending). Its sibling
   * contributionToContentDiscoveryAsOrganizationDisabled is read-only (set in the SharePoint admin center), so it is
   * not managed.
   */
  public static final ResourceDescriptor SETTINGS =
      ResourceDescriptor.builder("users.settings")
          .title("User settings")
          .singleton("/users/{user}/settings")
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .perUser()
          .odataType("#microsoft.graph.userSettings")
          .property(PropertySpec.of("contributionToContentDiscoveryDisabled", BOOLEAN))
          .permissions(Permissions.of(Access.delegatedOnly(OTHER_USERS, Access.NO_ROLE),
              Access.delegatedOrApp(OTHER_USERS, Access.NO_ROLE)))
          .schema("resources/users.settings.schema.json")
          .build();

  /** Whether the user's item insights and meeting hours insights are on. */
  public static final ResourceDescriptor ITEM_INSIGHTS =
      ResourceDescriptor.builder("users.settings.itemInsights")
          .title("User item insights")
          .singleton("/users/{user}/settings/itemInsights")
          .versions(GraphVersion.V1_0, GraphVersion.BETA)
          .perUser()
          .odataType("#microsoft.graph.userInsightsSettings")
          .property(PropertySpec.of("isEnabled", BOOLEAN))
          .permissions(Permissions.of(Access.delegatedOnly(OTHER_USERS, Access.NO_ROLE),
              Access.delegatedOnly(OTHER_USERS, Access.NO_ROLE)))
          .schema("resources/users.settings.itemInsights.schema.json")
          .build();

  private UserSettings() {}
}
