package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/** {@code permissions PATH...}: what to grant the app registration, and which role the admin needs, offline. */
class PermissionsCommandTest {

  @TempDir Path tmp;
  AuthFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new AuthFixture(tmp);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void eachOperationWithItsPermissionsAndRoleAndTheGroupLookup() throws Exception {
    Path desired = f.yaml("desired.yaml", """
        copilot:
          limitedMode:
            isEnabledForGroup: true
            groupId: {group: Copilot Pilot}
        people:
          profileCardProperties:
            CustomAttribute1:
              annotations: [{displayName: Cost center}]
        """);

    Run run = f.cli(f.env(), "permissions", desired.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("""
        Microsoft Graph permissions for this desired state (2 settings of 2 types):

          setting                       operation  delegated                              application           role (signed-in admin)
          copilot.limitedMode *         read       CopilotSettings-LimitedMode.Read       not supported         Global Reader
                                        update     CopilotSettings-LimitedMode.ReadWrite  not supported         Global Administrator
          people.profileCardProperties  read       PeopleSettings.Read.All                not supported         Global Administrator
                                        create     PeopleSettings.ReadWrite.All           not supported         Global Administrator
                                        update     PeopleSettings.ReadWrite.All           not supported         People Administrator
                                        delete     PeopleSettings.ReadWrite.All           not supported         Global Administrator
          {group: name} lookups         read       GroupMember.Read.All                   GroupMember.Read.All  none named
          read: plan, check, export (and apply, which plans first); create, update, delete: apply.
          role: the least privileged Microsoft Entra role Microsoft's docs name for a signed-in admin
          ("none named": they name none); app-only tokens need no role.

        A signed-in admin (login, azure-cli): delegated permissions of the app registration, and the admin's role
          plan, check, export:  CopilotSettings-LimitedMode.Read, PeopleSettings.Read.All, GroupMember.Read.All
                                role: Global Reader (copilot.limitedMode); Global Administrator (people.profileCardProperties)  (Global Administrator includes every role)
          apply:                CopilotSettings-LimitedMode.ReadWrite, PeopleSettings.ReadWrite.All, GroupMember.Read.All  (each ReadWrite includes its Read)
                                role: Global Administrator (copilot.limitedMode, people.profileCardProperties)
        An app-only pipeline (client-secret, certificate, workload-identity, managed-identity): application permissions
          plan, check, export:  (none)
          apply:                (none)
          App-only tokens cannot read copilot.limitedMode, people.profileCardProperties, so cannot plan, check, export or apply them: they need a signed-in admin.
        Group names ({group: name}) are looked up in the directory before plan, check and apply: GroupMember.Read.All, the least privileged the docs name (Group.Read.All or Directory.Read.All also do), delegated or application.
        Optional, to name the tenant in headings and the apply prompt: User.Read (delegated) or Organization.Read.All (application); without it they show the tenant id alone.
        * exists in the global cloud only.
        Add them in the Entra admin center (App registrations > API permissions > Microsoft Graph), then grant admin consent. Assign roles in Entra ID > Roles and administrators.
        """);
    assertThat(f.wm.getAllServeEvents()).as("offline").isEmpty();
  }

  @Test
  void aSettingWithoutGroupNamesAsksForNoGroupPermission() throws Exception {
    Path people = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(f.env(), "permissions", people.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("""
        Microsoft Graph permissions for this desired state (1 setting of 1 type):

          setting          operation  delegated                     application                   role (signed-in admin)
          people.pronouns  read       PeopleSettings.Read.All       PeopleSettings.Read.All       none named
                           update     PeopleSettings.ReadWrite.All  PeopleSettings.ReadWrite.All  Global Administrator
          read: plan, check, export (and apply, which plans first); create, update, delete: apply.
          role: the least privileged Microsoft Entra role Microsoft's docs name for a signed-in admin
          ("none named": they name none); app-only tokens need no role.

        A signed-in admin (login, azure-cli): delegated permissions of the app registration, and the admin's role
          plan, check, export:  PeopleSettings.Read.All
                                role: none named
          apply:                PeopleSettings.ReadWrite.All  (each ReadWrite includes its Read)
                                role: Global Administrator (people.pronouns)
        An app-only pipeline (client-secret, certificate, workload-identity, managed-identity): application permissions
          plan, check, export:  PeopleSettings.Read.All
          apply:                PeopleSettings.ReadWrite.All
        Optional, to name the tenant in headings and the apply prompt: User.Read (delegated) or Organization.Read.All (application); without it they show the tenant id alone.
        Add them in the Entra admin center (App registrations > API permissions > Microsoft Graph), then grant admin consent. Assign roles in Entra ID > Roles and administrators.
        """);
  }

  @Test
  void aWriteAppOnlyMayMakeOnASettingItCannotReadIsMarkedUnusableAndNotAskedFor() throws Exception {
    Path users = f.yaml("users.yaml", """
        users:
          adele.vance@contoso.com:
            settings:
              contributionToContentDiscoveryDisabled: true
        """);

    Run run = f.cli(f.env(), "permissions", users.toString());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .as("the docs allow app-only update but not read (usersettings-get: Application not supported)")
        .contains("  users.settings  read       User.ReadWrite.All  not supported         none named\n"
            + "                  update     User.ReadWrite.All  not usable (no read)  none named\n")
        .contains("  plan, check, export:  (none)\n  apply:                (none)\n")
        .contains("  App-only tokens cannot read users.settings, so cannot plan, check, export or apply it: it needs "
            + "a signed-in admin.\n");
  }

  @Test
  void theExamplesListEverySettingTypeWithTheRolesForReadsAndForApply() {
    Run run = f.cli(f.env(), "permissions", "../examples");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("  people.profilePropertySettings                 read       PeopleSettings.Read.All            "
            + "    PeopleSettings.Read.All       none named\n"
            + "                                                 create     PeopleSettings.ReadWrite.All       "
            + "    PeopleSettings.ReadWrite.All  People Administrator\n")
        .contains("  users.interests                                read       User.Read.All                      "
            + "    User.Read.All                 none named\n"
            + "                                                 create     User.ReadWrite.All                 "
            + "    not supported                 none named\n")
        .contains("  organization.contactInsights                   read       Organization.Read.All              "
            + "    Organization.Read.All         none named\n")
        .contains("  copilot.agents *                               read       CopilotPackages.Read.All           "
            + "    CopilotPackages.Read.All      none named\n"
            + "                                                 update     CopilotPackages.ReadWrite.All      "
            + "    not supported                 none named\n"
            + "                                                 block      CopilotPackages.ReadWrite.All      "
            + "    not supported                 none named\n")
        .contains("  plan, check, export:  PeopleSettings.Read.All, CopilotSettings-LimitedMode.Read, "
            + "CopilotPolicySettings.Read, CopilotPackages.Read.All, User.Read.All, Organization.Read.All, "
            + "User.ReadWrite.All, GroupMember.Read.All, User.ReadBasic.All\n"
            + "                        role: Global Reader (copilot.limitedMode); Global Administrator "
            + "(people.profileCardProperties)  (Global Administrator includes every role)\n")
        .contains("                        role: People Administrator (copilot.enhancedPersonalization, "
            + "people.namePronunciation, people.photoUpdateSettings, people.profileSources, "
            + "people.profilePropertySettings); Global "
            + "Administrator (copilot.limitedMode, people.pronouns, people.itemInsights, people.profileCardProperties, "
            + "organization.peopleInsights, organization.contactInsights)")
        .contains("App-only tokens cannot read copilot.limitedMode, copilot.policySettings, "
            + "people.profileCardProperties, organization.peopleInsights, organization.microsoftApplicationDataAccess, "
            + "users.settings, users.settings.itemInsights, so cannot plan, check, export or apply them: they need a "
            + "signed-in admin.")
        .contains("App-only tokens cannot write copilot.agents, users.interests")
        .as("the agents example names a group and users")
        .contains("  {group: name} lookups                          read       GroupMember.Read.All ")
        .contains("  {user: upn} lookups                            read       User.ReadBasic.All ");
  }

  @Test
  void withoutAPathEverySettingTypeAndTheGroupLookupAreListed() {
    Run run = f.cli(f.env(), "permissions");

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .startsWith("Microsoft Graph permissions for every setting the tool manages (17 types):\n")
        .contains("  copilot.enhancedPersonalization *              read ")
        .contains("  users.interests                                read ")
        .contains("  {group: name} lookups                          read       GroupMember.Read.All ")
        .contains("  organization.peopleInsights *                  read       User.Read.All                        "
            + "  not supported                 none named\n"
            + "                                                 update     Organization.ReadWrite.All             "
            + "not supported                 Global Administrator\n")
        .contains("  users.settings                                 read       User.ReadWrite.All                   "
            + "  not supported                 none named\n"
            + "                                                 update     User.ReadWrite.All                     "
            + "not usable (no read)          none named\n")
        .contains("  {user: upn} lookups                            read       User.ReadBasic.All ")
        .contains("  plan, check, export:  PeopleSettings.Read.All, CopilotSettings-LimitedMode.Read, "
            + "CopilotPolicySettings.Read, CopilotPackages.Read.All, User.Read.All, Organization.Read.All, "
            + "User.ReadWrite.All, GroupMember.Read.All, User.ReadBasic.All\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void invalidYamlIsReportedAsEverywhere() throws Exception {
    Path bad = f.yaml("bad.yaml", "people:\n  pronoun:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(f.env(), "permissions", bad.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("bad.yaml:2:3");
  }
}
