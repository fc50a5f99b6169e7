package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PINNING;
import static org.settingsreconciler.e2e.WireHarness.POLICY_ID;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.WEBSEARCH;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/** A setting that cannot be read is an error, never drift: it is named, nothing is planned for it, nothing written. */
class ReadFailureWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private String policies;

  /** Web search reads fine and needs a change; pinning's read is stubbed per test. */
  @BeforeEach
  void webSearchNeedsAChange() {
    h = new WireHarness(wm, dir);
    h.get(WEBSEARCH, "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"0\",\"policyId\":\"" + POLICY_ID + "\"}");
    policies = h.yaml("desired.yaml", """
        copilot:
          policySettings:
            microsoft.copilot.copilotchatpinning:
              value: "1"
            microsoft.copilot.allowwebsearch:
              value: "1"
        """).toString();
  }

  @ParameterizedTest(name = "HTTP {0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "500 | generalException             |                                | true  | HTTP 500 generalException: Failure generalException.",
        "403 | accessDenied                 |                                | true  | needs CopilotPolicySettings.Read with delegated (signed-in user) sign-in",
        "404 | notFound                     | unsupportedSetting             | false | HTTP 404 notFound/unsupportedSetting: Failure notFound. (Graph does not support this policy setting id",
        "422 | unprocessableEntity          | groupScopedSettingNotSupported | false | HTTP 422 unprocessableEntity/groupScopedSettingNotSupported: Failure unprocessableEntity. (this setting is configured in a group-level policy",
        "401 | InvalidAuthenticationToken   |                                | true  | (the access token was rejected: it is missing, expired, or issued for another audience)",
      })
  void failedReadIsNamedWithCodeAndRequestIdAndNotPlanned(
      int status, String code, String inner, boolean idInHeader, String described) {
    h.getAnswers(PINNING, graphError(status, code, inner, "req-" + status, idInHeader));

    Run r = h.graph("plan", policies);

    assertThat(r.exit()).isEqualTo(1);
    String pinning = "copilot.policySettings[\"microsoft.copilot.copilotchatpinning\"]";
    String webSearch = "copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]";
    assertThat(r.out())
        .contains("! " + pinning + " could not be read:")
        .contains(described)
        .contains("[request-id req-" + status + "]")
        .contains("~ " + webSearch + " will be updated\n      PATCH " + ROOT + WEBSEARCH)
        .doesNotContain("~ " + pinning)
        .contains("Plan: 0 to create, 1 to update, 0 to delete, 0 unchanged.")
        .contains("Error: 1 could not be read; nothing is planned for it.");
    h.verifyOnlyReads();
    // None of these statuses is retryable.
    h.verifyGets(1, PINNING);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {200, 204})
  void readAnsweredWithoutABodyIsAFailureNotDrift(int status) {
    h.getAnswers(PINNING, aResponse().withStatus(status));

    Run r = h.graph("plan", policies);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("could not be read:")
        .contains("Graph answered with an empty body with HTTP " + status)
        .doesNotContain("# copilot.policySettings[\"microsoft.copilot.copilotchatpinning\"]");
    h.verifyOnlyReads();
  }

  @Test
  void jsonPlanListsTheFailureApartFromTheChanges() {
    h.getAnswers(PINNING, graphError(422, "unprocessableEntity", "groupScopedSettingNotSupported", "req-9", false));

    Run r = h.graph("plan", policies, "--format", "json");

    assertThat(r.exit()).isEqualTo(1);
    JsonNode plan = r.json();
    assertThat(plan.get("changes").size()).isEqualTo(1);
    assertThat(plan.get("changes").get(0).get("path").asString()).isEqualTo(ROOT + WEBSEARCH);
    JsonNode failure = plan.get("failures").get(0);
    assertThat(failure.get("address").asString()).isEqualTo("copilot.policySettings[\"microsoft.copilot.copilotchatpinning\"]");
    assertThat(failure.get("status").asInt()).isEqualTo(422);
    assertThat(failure.get("innerCode").asString()).isEqualTo("groupScopedSettingNotSupported");
    assertThat(failure.get("requestId").asString()).isEqualTo("req-9");
  }

  @Test
  void checkExitsOneNotTwoWhenAReadFailedBesideDrift() {
    h.getAnswers(PINNING, graphError(500, "generalException", null, "req-500", true));

    Run r = h.graph("check", policies);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("could not be read").contains("copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]");
    h.verifyOnlyReads();
  }

  @Test
  void applySendsNoWriteAtAllWhenAnyReadFailed() {
    h.getAnswers(PINNING, graphError(403, "accessDenied", null, "req-403", true));

    Run r = h.graph("apply", policies, "--auto-approve");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("Nothing was applied: the plan is incomplete while settings cannot be read.");
    h.verifyOnlyReads();
  }

  @Test
  void planWithAFailedReadIsNotSaved() {
    h.getAnswers(PINNING, graphError(500, "generalException", null, "req-500", true));
    Path saved = dir.resolve("plan.json");

    Run r = h.graph("plan", policies, "--out", saved.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("The plan was not saved");
    assertThat(Files.exists(saved)).isFalse();
  }

  @Test
  void failedListIsNamedByTheCollectionAndOtherSettingsArePlanned() {
    h.getAnswers(INTERESTS, graphError(403, "accessDenied", null, "req-list", true));
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":true}");
    String file = h.yaml("mixed.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: true
        users:
          %s:
            interests:
              Hiking: {}
        prune: [users.interests]
        """.formatted(ADELE)).toString();

    Run r = h.graph("plan", file);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("! users[\"" + ADELE + "\"].interests could not be read:")
        .contains("HTTP 403 accessDenied")
        .contains("Person interest needs User.Read.All")
        .contains("[request-id req-list]")
        .contains("~ people.pronouns will be updated\n      PATCH " + ROOT + PRONOUNS)
        .doesNotContain("Hiking\"]    POST")
        .contains("Plan: 0 to create, 1 to update, 0 to delete, 1 unchanged.");
    h.verifyOnlyReads();
  }
}
