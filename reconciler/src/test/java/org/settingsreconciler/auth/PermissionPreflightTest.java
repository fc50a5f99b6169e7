package org.settingsreconciler.auth;


import org.settingsreconciler.access.PermissionPreflight;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.defs.CopilotAgents;
import org.settingsreconciler.resource.defs.CopilotPolicySettings;
import org.settingsreconciler.resource.defs.OrganizationSettings;
import org.settingsreconciler.resource.defs.EnhancedPersonalization;
import org.settingsreconciler.resource.defs.LimitedMode;
import org.settingsreconciler.resource.defs.PeopleToggles;
import org.settingsreconciler.resource.defs.PersonInterests;
import org.settingsreconciler.resource.defs.ProfileCardProperties;

/** What the preflight concludes from a token's claims, per resource and per read or write. */
class PermissionPreflightTest {

  static final String HINT = "run `reconciler login`, then run with --auth device-code";

  @Test
  void anAppOnlyTokenCannotUseDelegatedOnlySettings() {
    PermissionPreflight p = preflight(TestJwt.appOnly("PeopleSettings.ReadWrite.All", "User.ReadWrite.All"));

    assertThat(p.readProblem(LimitedMode.DESCRIPTOR)).contains(
        "copilot.limitedMode needs delegated sign-in with CopilotSettings-LimitedMode.Read; this token is app-only");
    assertThat(p.writeProblem(LimitedMode.DESCRIPTOR, Operation.UPDATE)).contains(
        "copilot.limitedMode needs delegated sign-in with CopilotSettings-LimitedMode.ReadWrite; this token is "
            + "app-only");
    assertThat(p.readProblem(CopilotPolicySettings.DESCRIPTOR)).isPresent();
    assertThat(p.readProblem(ProfileCardProperties.DESCRIPTOR)).isPresent();
    assertThat(p.readProblem(PeopleToggles.PRONOUNS)).isEmpty();
    assertThat(p.writeProblem(EnhancedPersonalization.DESCRIPTOR, Operation.UPDATE)).isEmpty();
    assertThat(p.readProblem(PersonInterests.DESCRIPTOR)).as("app-only reads of interests are allowed").isEmpty();
    assertThat(p.writeProblem(PersonInterests.DESCRIPTOR, Operation.UPDATE)).contains(
        "users.interests needs delegated sign-in with User.ReadWrite.All; this token is app-only");
  }

  @Test
  void aRefusedReadIsNotSentAndSaysHowToSignIn() {
    GraphError e = preflight(TestJwt.appOnly("PeopleSettings.Read.All")).refuseRead(LimitedMode.DESCRIPTOR).orElseThrow();

    assertThat(e.notSent()).isTrue();
    assertThat(e.describe()).isEqualTo(
        "not sent: copilot.limitedMode needs delegated sign-in with CopilotSettings-LimitedMode.Read; this token is "
            + "app-only. Sign in as an admin with the Global Reader role: " + HINT);
  }

  @Test
  void aMissingPermissionIsNamedWithWhatTheTokenHas() {
    PermissionPreflight p = preflight(TestJwt.appOnly());

    assertThat(p.readProblem(PeopleToggles.PRONOUNS)).contains(
        "people.pronouns needs the application permission PeopleSettings.Read.All; this token (app-only (app "
            + TestJwt.CLIENT_ID + ")) has no Graph permissions");
    assertThat(preflight(TestJwt.delegated("PeopleSettings.Read.All")).writeProblem(PeopleToggles.PRONOUNS, Operation.UPDATE)).contains(
        "people.pronouns needs the delegated permission PeopleSettings.ReadWrite.All; this token (delegated "
            + "(admin@contoso.com)) has PeopleSettings.Read.All");
  }

  @Test
  void aDelegatedTokenWithThePermissionsPasses() {
    PermissionPreflight p =
        preflight(TestJwt.delegated("CopilotSettings-LimitedMode.ReadWrite", "CopilotPolicySettings.ReadWrite",
            "PeopleSettings.ReadWrite.All", "User.ReadWrite.All", "Organization.ReadWrite.All",
            "CopilotPackages.ReadWrite.All"));

    for (var d : org.settingsreconciler.resource.defs.ResourceRegistry.all()) {
      assertThat(p.readProblem(d)).as(d.type()).isEmpty();
      assertThat(p.writeProblem(d, Operation.UPDATE)).as(d.type()).isEmpty();
    }
  }

  /**
   * Each operation its own permission, as the docs give it: an agent is read with CopilotPackages.Read.All by an app
   * or an admin, but blocked, unblocked and handed on only by a signed-in admin with CopilotPackages.ReadWrite.All
   * (m365copilot-docs copilotpackage-block.md, -unblock.md, -reassign.md); Microsoft app data access is read by an
   * admin only and written with Organization.ReadWrite.All (beta microsoftapplicationdataaccesssettings-update.md).
   */
  @Test
  void agentActionsAndOrganizationSettingsNameTheirOwnPermission() {
    PermissionPreflight app = preflight(TestJwt.appOnly("CopilotPackages.ReadWrite.All", "Organization.ReadWrite.All"));
    PermissionPreflight reader = preflight(TestJwt.delegated("CopilotPackages.Read.All", "Organization.Read.All"));

    assertThat(app.readProblem(CopilotAgents.DESCRIPTOR)).isEmpty();
    for (String action : List.of("block", "unblock", "reassign")) {
      assertThat(app.writeProblem(CopilotAgents.DESCRIPTOR, Operation.action(action))).as(action).get().asString()
          .startsWith("copilot.agents needs delegated sign-in with CopilotPackages.ReadWrite.All");
      assertThat(reader.writeProblem(CopilotAgents.DESCRIPTOR, Operation.action(action))).as(action).get()
          .asString().startsWith("copilot.agents needs the delegated permission CopilotPackages.ReadWrite.All");
    }
    assertThat(reader.readProblem(CopilotAgents.DESCRIPTOR)).isEmpty();
    assertThat(app.writeProblem(OrganizationSettings.MICROSOFT_APPLICATION_DATA_ACCESS, Operation.UPDATE)).get()
        .asString().startsWith("organization.microsoftApplicationDataAccess needs delegated sign-in with "
            + "Organization.ReadWrite.All");
    assertThat(reader.writeProblem(OrganizationSettings.MICROSOFT_APPLICATION_DATA_ACCESS, Operation.UPDATE)).get()
        .asString().startsWith("organization.microsoftApplicationDataAccess needs the delegated permission "
            + "Organization.ReadWrite.All");
    assertThat(reader.readProblem(OrganizationSettings.MICROSOFT_APPLICATION_DATA_ACCESS)).isEmpty();
  }

  @Test
  void withoutClaimsNothingIsRefusedButTheCloud() {
    PermissionPreflight p = new PermissionPreflight(Optional.empty(), Cloud.usgov, HINT);

    assertThat(p.refuseRead(PeopleToggles.PRONOUNS)).isEmpty();
    assertThat(p.refuseRead(LimitedMode.DESCRIPTOR)).get()
        .satisfies(e -> assertThat(e.code()).isEqualTo(PermissionPreflight.NOT_IN_CLOUD));
    assertThat(TokenCheck.problem(Optional.empty(), Cloud.usgov, Instant.now())).isEmpty();
  }

  @Test
  void aTokenForAnotherAudienceOrExpiredIsUnusable() {
    Map<String, Object> arm = TestJwt.base();
    arm.put("aud", "https://management.core.windows.net/");
    assertThat(TokenCheck.problem(TokenClaims.decode(TestJwt.of(arm)), Cloud.global, Instant.now()))
        .get().asString().startsWith("the access token is for https://management.core.windows.net/, not Microsoft Graph");

    assertThat(TokenCheck.problem(TokenClaims.decode(TestJwt.appOnly()), Cloud.usgov, Instant.now()))
        .contains("the access token is for https://graph.microsoft.com, but this run is for --cloud usgov "
            + "(https://graph.microsoft.us)");

    Map<String, Object> old = TestJwt.base();
    old.put("exp", 1_000_000_000L);
    assertThat(TokenCheck.problem(TokenClaims.decode(TestJwt.of(old)), Cloud.global, Instant.now())).get().asString()
        .contains("expired");
  }

  @Test
  void aForbiddenAnswerForATokenThatHasThePermissionPointsAtTheRole() {
    PermissionPreflight p = preflight(TestJwt.delegated("CopilotSettings-LimitedMode.ReadWrite"));
    GraphError forbidden = new GraphError(403, "accessDenied", null, "Access denied", "r1", "old hint");

    assertThat(p.explain(LimitedMode.DESCRIPTOR, forbidden, Operation.UPDATE).hint()).isEqualTo(
        "copilot.limitedMode needs CopilotSettings-LimitedMode.ReadWrite; this token (delegated (admin@contoso.com)) "
            + "has it, so Graph refused it anyway: the signed-in user needs an admin role for it (Global "
            + "Administrator)");
    GraphError notFound = new GraphError(404, "itemNotFound", null, "no", "r2", null);
    assertThat(p.explain(LimitedMode.DESCRIPTOR, notFound, Operation.UPDATE)).isSameAs(notFound);
  }

  @Test
  void writeRefusalsAreOneLinePerSettingType() {
    var pronouns = org.settingsreconciler.resource.ResourceId.singleton(PeopleToggles.PRONOUNS);
    var body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("isEnabledInOrganization", true);
    var change = new org.settingsreconciler.plan.Update(pronouns, "/admin/people/pronouns", body, body, List.of(), null);

    List<String> refusals = preflight(TestJwt.appOnly("PeopleSettings.Read.All")).writeRefusals(List.of(change, change));

    assertThat(refusals).containsExactly(
        "people.pronouns needs the application permission PeopleSettings.ReadWrite.All; this token (app-only (app "
            + TestJwt.CLIENT_ID + ")) has PeopleSettings.Read.All (2 changes). Grant PeopleSettings.ReadWrite.All "
            + "(application permission) to the app registration with admin consent, then sign in again");
  }

  @Test
  void aDelegatedTokenWithoutTheWritePermissionIsToldTheRoleToo() {
    var pronouns = org.settingsreconciler.resource.ResourceId.singleton(PeopleToggles.PRONOUNS);
    var body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("isEnabledInOrganization", true);
    var change = new org.settingsreconciler.plan.Update(pronouns, "/admin/people/pronouns", body, body, List.of(), null);

    List<String> refusals = preflight(TestJwt.delegated("PeopleSettings.Read.All")).writeRefusals(List.of(change));

    assertThat(refusals).containsExactly(
        "people.pronouns needs the delegated permission PeopleSettings.ReadWrite.All; this token (delegated "
            + "(admin@contoso.com)) has PeopleSettings.Read.All (1 change). Grant PeopleSettings.ReadWrite.All "
            + "(delegated permission) to the app registration with admin consent, then sign in again as an admin "
            + "with the Global Administrator role");
  }

  @Test
  void writesOfOneTypeThatNeedDifferentRolesAreRefusedEachWithItsRole() {
    var card = new org.settingsreconciler.resource.ResourceId(ProfileCardProperties.DESCRIPTOR, null, "CustomAttribute1");
    var body = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    var update = new org.settingsreconciler.plan.Update(
        card, "/admin/people/profileCardProperties/CustomAttribute1", body, body, List.of(), null);
    var delete = new org.settingsreconciler.plan.Delete(
        card, "/admin/people/profileCardProperties/CustomAttribute1", body);

    List<String> refusals = preflight(TestJwt.appOnly("PeopleSettings.ReadWrite.All"))
        .writeRefusals(List.of(update, delete, update));

    String problem = "people.profileCardProperties needs delegated sign-in with PeopleSettings.ReadWrite.All; this "
        + "token is app-only";
    assertThat(refusals).containsExactly(
        problem + " (2 changes). Sign in as an admin with the People Administrator role: " + HINT,
        problem + " (1 change). Sign in as an admin with the Global Administrator role: " + HINT);
  }

  @Test
  void aForbiddenAnswerWithoutAPreflightNamesTheRole() {
    GraphError forbidden = new GraphError(403, "accessDenied", null, "Access denied", "r1", null);

    assertThat(org.settingsreconciler.state.ErrorExplainer.explain(LimitedMode.DESCRIPTOR, forbidden,
            Operation.READ).hint())
        .isEqualTo("Copilot limited mode needs CopilotSettings-LimitedMode.Read with delegated (signed-in user) "
            + "sign-in, and a signed-in user needs the Global Reader role");
    assertThat(org.settingsreconciler.state.ErrorExplainer.explain(PeopleToggles.PRONOUNS, forbidden,
            Operation.READ).hint())
        .as("the docs name no role for reading pronouns").isEqualTo("Pronouns needs PeopleSettings.Read.All");
  }

  private static PermissionPreflight preflight(String token) {
    return new PermissionPreflight(TokenClaims.decode(token), Cloud.global, HINT);
  }
}
