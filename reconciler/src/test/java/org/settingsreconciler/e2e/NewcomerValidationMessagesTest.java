package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * What a newcomer with only the README met at validate and plan: errors naming places by addresses (as plans do),
 * values listed instead of a regex, one error for a mistyped key, hints for the usual slips, and a warning for an
 * undocumented collaboration tag. Errors keep file:line:column, exit 1 and send nothing.
 */
class NewcomerValidationMessagesTest {

  private static final String MEGAN = "megan.bowen@contoso.com";

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  private String invalid(String command, String yaml) {
    String file = h.yaml("desired.yaml", yaml).toString();
    Run r = command.equals("validate") ? h.run(command, file) : h.graph(command, file);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("nothing was sent to the tenant");
    h.verifyNoRequests();
    return r.err().replace(file, "desired.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "plan"})
  void errorsNameUsersAndItemsByTheirAddresses(String command) {
    String err = invalid(command, """
        users:
          megan.bowen@contoso.com:
            interests:
              Rock Climbing:
                categories: Sports
        people:
          profileCardProperties:
            CustomAttribute5:
              isVisible: yes
        """);

    assertThat(err)
        .contains("error: desired.yaml:5:21: users[\"" + MEGAN + "\"].interests[\"Rock Climbing\"].categories: "
            + "must be an array")
        .contains("error: desired.yaml:9:18: people.profileCardProperties[\"CustomAttribute5\"].isVisible: must be a "
            + "boolean")
        .doesNotContain("users.megan");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "plan"})
  void allowedAudiencesListsTheDocumentedValuesAndTheOneMeant(String command) {
    String err = invalid(command, """
        users:
          megan.bowen@contoso.com:
            interests:
              Rock Climbing:
                allowedAudiences: organisation
        """);

    assertThat(err)
        .contains("error: desired.yaml:5:27: users[\"" + MEGAN + "\"].interests[\"Rock Climbing\"].allowedAudiences: "
            + "\"organisation\" is not one of me, family, contacts, groupMembers, organization, "
            + "federatedOrganizations, everyone (comma-separated); did you mean organization?")
        .doesNotContain("regex")
        .doesNotContain("unknownFutureValue");
  }

  @Test
  void allowedAudiencesWithSpacesSaysToJoinWithoutThem() {
    String err = invalid("validate", """
        users:
          megan.bowen@contoso.com:
            interests:
              Chess:
                allowedAudiences: me, organization
        """);

    assertThat(err).contains(".allowedAudiences: \"me, organization\": join the values with commas and no spaces "
        + "(me,organization)");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "plan"})
  void aMistypedKeyIsOneErrorWithTheKeyMeant(String command) {
    String err = invalid(command, """
        copilot:
          limitedMode:
            isEnabledForGroup: true
            groupId: {grup: Sales}
        """);

    assertThat(err)
        .contains("error: desired.yaml:4:15: copilot.limitedMode.groupId.grup: unknown key 'grup'; did you mean "
            + "'group'?")
        .doesNotContain("missing required key 'group'");
  }

  @Test
  void aNumberWhereTextIsExpectedSaysToQuoteIt() {
    String err = invalid("validate", """
        copilot:
          policySettings:
            microsoft.copilot.allowwebsearch:
              value: 1
        """);

    assertThat(err).contains("error: desired.yaml:4:14: copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]"
        + ".value: must be a string or null, not an integer (quote it: \"1\")");
  }

  @Test
  void groupIdMissingSaysWhyItIsRequired() {
    String err = invalid("validate", """
        copilot:
          limitedMode:
            isEnabledForGroup: true
        """);

    assertThat(err).contains("error: desired.yaml:2:3: copilot.limitedMode.groupId: missing required key 'groupId': "
        + "limited mode applies to the members of one group, so with isEnabledForGroup true Graph needs groupId");
  }

  @Test
  void anUnknownProfileCardPropertyListsTheAllowedKeys() {
    String err = invalid("validate", """
        people:
          profileCardProperties:
            department:
              isVisible: yes
        """);

    assertThat(err).contains("error: desired.yaml:3:5: people.profileCardProperties[\"department\"]: 'department' is "
        + "not an allowed key here; the keys allowed are UserPrincipalName, Fax, StreetAddress, PostalCode, "
        + "StateOrProvince, Alias, CustomAttribute1,");
  }

  @Test
  void aBadIndentIsExplainedInPlainWordsWhereSnakeYamlFoundIt() {
    String err = invalid("validate", """
        people:
          pronouns:
            isEnabledInOrganization: true
           namePronunciation:
             isEnabledInOrganization: true
        """);

    assertThat(err).contains("error: desired.yaml:4:4: YAML syntax error: the indentation here does not match the "
        + "lines above")
        .contains("(SnakeYAML: expected <block end>, but found '<block mapping start>'");
  }

  @Test
  void aSecondColonOnALineIsExplainedInPlainWords() {
    String err = invalid("validate", """
        users:
          megan.bowen@contoso.com:
            interests:
              Rock Climbing:
                description: Note: weekends only
        """);

    assertThat(err).contains("error: desired.yaml:5:26: YAML syntax error: a second ': ' on one line: quote a value "
        + "that holds ': ' (SnakeYAML: mapping values are not allowed here");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "plan"})
  void anUndocumentedCollaborationTagIsAWarningWithTheTagMeant(String command) {
    String file = h.yaml("desired.yaml", """
        users:
          megan.bowen@contoso.com:
            interests:
              Rock Climbing:
                collaborationTags: [askMeAbout, wantToLearn]
        """).toString();
    h.get("/users/" + MEGAN + "/profile/interests", "{\"value\": []}");

    Run r = command.equals("validate") ? h.run(command, file) : h.graph(command, file);

    assertThat(r.exit()).isIn(0, 2);
    assertThat(r.err()).contains("warning: " + file + ":5:41: users[\"" + MEGAN + "\"].interests[\"Rock Climbing\"]"
        + ".collaborationTags[1]: \"wantToLearn\" is not one of the documented tags (askMeAbout, ableToMentor, "
        + "wantsToLearn, wantsToImprove); did you mean wantsToLearn?")
        .doesNotContain("askMeAbout\" is not");
  }
}
