package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.GROUP_A;
import static org.settingsreconciler.e2e.WireHarness.GROUP_B;
import static org.settingsreconciler.e2e.WireHarness.INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.LIMITED;
import static org.settingsreconciler.e2e.WireHarness.PHOTO;
import static org.settingsreconciler.e2e.WireHarness.PINNING;
import static org.settingsreconciler.e2e.WireHarness.POLICY_ID;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.WEBSEARCH;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.e2e.WireHarness.Run;

/** apply --auto-approve sends the smallest PATCH Graph accepts, and nothing for what is already as desired. */
class ApplyWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  @Test
  void enhancedPersonalizationGroupChangeCarriesIsEnabledInOrganizationFromTheTenant() {
    h.get(ENHANCED, "{\"value\":{\"isEnabledInOrganization\":false,\"disabledForGroup\":\"" + GROUP_A + "\"}}");
    h.patchOk(ENHANCED);

    Run r = h.autoApply("""
        copilot:
          enhancedPersonalization:
            disabledForGroup: %s
        """.formatted(GROUP_B));

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(ENHANCED, "{\"isEnabledInOrganization\":false,\"disabledForGroup\":\"" + GROUP_B + "\"}");
    assertThat(r.out()).contains("applied  copilot.enhancedPersonalization    PATCH " + ROOT + ENHANCED);
  }

  @Test
  void enhancedPersonalizationGroupChangeCarriesIsEnabledInOrganizationFromTheYaml() {
    h.get(ENHANCED, "{\"value\":{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}}");
    h.patchOk(ENHANCED);

    Run r = h.autoApply("""
        copilot:
          enhancedPersonalization:
            isEnabledInOrganization: true
            disabledForGroup: %s
        """.formatted(GROUP_B));

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(ENHANCED, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_B + "\"}");
  }

  @Test
  void limitedModeTurnedOnCarriesTheUnchangedGroupId() {
    h.get(LIMITED, "{\"isEnabledForGroup\":false,\"groupId\":\"" + GROUP_B + "\"}");
    h.patchOk(LIMITED);

    Run r = h.autoApply("""
        copilot:
          limitedMode:
            isEnabledForGroup: true
            groupId: %s
        """.formatted(GROUP_B.toUpperCase()));

    assertThat(r.exit()).as(r.err()).isZero();
    // groupId is unchanged (GUIDs compare ignoring case) but must go along when enabling.
    h.verifyPatch(LIMITED, "{\"isEnabledForGroup\":true,\"groupId\":\"" + GROUP_B.toUpperCase() + "\"}");
  }

  @Test
  void policySettingPatchCarriesValueAndPolicyIdOnlyWhenItDiffers() {
    h.get(PINNING, """
        {"id":"microsoft.copilot.copilotchatpinning","value":"0","policyId":"%s"}""".formatted(POLICY_ID));
    h.get(WEBSEARCH, """
        {"id":"microsoft.copilot.allowwebsearch","value":"1","policyId":"%s"}""".formatted(POLICY_ID));
    h.patchOk(PINNING);
    h.patchOk(WEBSEARCH);

    Run r = h.autoApply("""
        copilot:
          policySettings:
            microsoft.copilot.copilotchatpinning:
              value: "1"
              policyId: %s
            microsoft.copilot.allowwebsearch:
              value: "1"
              policyId: %s
        """.formatted(POLICY_ID, GROUP_A));

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(PINNING, "{\"value\":\"1\"}");
    h.verifyPatch(WEBSEARCH, "{\"value\":\"1\",\"policyId\":\"" + GROUP_A + "\"}");
  }

  @Test
  void pronounsBodyIsExactlyTheOneProperty() {
    h.get(PRONOUNS, "{\"@odata.type\":\"#microsoft.graph.pronounsSettings\",\"isEnabledInOrganization\":false}");
    h.patchOk(PRONOUNS);

    Run r = h.autoApply("people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    wm.verify(1, patchRequestedFor(urlEqualTo(WireHarness.ROOT + PRONOUNS))
        .withHeader("Content-Type", equalTo("application/json; charset=utf-8")));
    assertThat(r.out()).contains("Apply complete: 1 applied, 0 failed.");
  }

  @Test
  void settingsAlreadyAsDesiredGetNoRequestAtAll() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(PRONUNCIATION, "{\"id\":\"np\",\"isEnabledInOrganization\":false}");
    h.get(PHOTO, "{\"id\":\"pu\",\"allowedRoles\":[\"role-b\",\"role-a\"],\"source\":\"cloud\"}");
    h.patchOk(PRONOUNS);

    Run r = h.autoApply("""
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: false
          photoUpdateSettings:
            allowedRoles: [role-a, role-b]
        """);

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    h.verifyNoPatch(PRONUNCIATION);
    // allowedRoles is a set: the same roles in another order are no change.
    h.verifyNoPatch(PHOTO);
    assertThat(r.out()).contains("Plan: 0 to create, 1 to update, 0 to delete, 2 unchanged.");
  }

  @Test
  void nothingToDoSendsOnlyReads() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");

    Run r = h.autoApply("people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No changes.");
    h.verifyOnlyReads();
  }

  @Test
  void writeAnsweredWithSuccessButNoBodyCountsAsApplied() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":false}");
    h.patchAnswers(PRONOUNS, aResponse().withStatus(200));
    h.patchAnswers(PRONUNCIATION, aResponse().withStatus(204));

    Run r = h.autoApply("""
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
        """);

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("Apply complete: 2 applied, 0 failed.");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"value\":%s}", "%s", "{\"@odata.context\":\"x\",\"value\":%s}"})
  void enhancedPersonalizationIsReadWrappedOrBare(String shape) {
    h.get(ENHANCED, shape.formatted("{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}"));
    h.patchOk(ENHANCED);

    Run r = h.autoApply("copilot:\n  enhancedPersonalization:\n    disabledForGroup: " + GROUP_A + "\n");

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(ENHANCED, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_A + "\"}");
  }

  @Test
  void oneFailedPatchDoesNotStopTheOthersAndExitsOne() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":false}");
    h.get(INSIGHTS, "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}");
    h.patchAnswers(PRONOUNS, graphError(500, "generalException", null, "req-pronouns-500", true));
    h.patchOk(PRONUNCIATION);
    h.patchOk(INSIGHTS);

    Run r = h.autoApply("""
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
          itemInsights:
            isEnabledInOrganization: true
        """);

    assertThat(r.exit()).isEqualTo(1);
    // pronouns comes first in plan order, so the others were sent after it failed.
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    h.verifyPatch(PRONUNCIATION, "{\"isEnabledInOrganization\":true}");
    h.verifyPatch(INSIGHTS, "{\"isEnabledInOrganization\":true}");
    assertThat(r.out())
        .contains("FAILED   people.pronouns    PATCH " + ROOT + PRONOUNS)
        .contains("HTTP 500 generalException")
        .contains("req-pronouns-500")
        .contains("applied  people.namePronunciation    PATCH " + ROOT + PRONUNCIATION)
        .contains("applied  people.itemInsights    PATCH " + ROOT + INSIGHTS)
        .contains("Apply incomplete: 2 applied, 1 failed.");
  }
}
