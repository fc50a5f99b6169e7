package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PATCHED;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/**
 * After the writes, apply reads back everything it wrote and reports what the tenant shows: applied when it shows
 * the change, "applied, not yet visible" when Graph accepted it but still shows the old value after the last read,
 * "could not verify" when the read fails (never a failure, never drift), and for a write whose answer was lost, what
 * the read found. Nothing is ever sent twice.
 */
class ApplyVerifyWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private String pronounsOn;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
    pronounsOn = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n").toString();
  }

  private static final String OFF = "{\"isEnabledInOrganization\":false}";
  private static final String ON = "{\"isEnabledInOrganization\":true}";

  private Run apply(String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "apply";
    args[1] = pronounsOn;
    args[2] = "--auto-approve";
    System.arraycopy(more, 0, args, 3, more.length);
    return h.graph(args);
  }

  private JsonNode report(Path file) {
    return WireHarness.JSON.readTree(file.toFile());
  }

  @Test
  void aWriteTheTenantShowsAtOnceIsAppliedAfterOneRead() {
    h.objectShowingPatch(PRONOUNS, OFF, ON);

    Run r = apply();

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("Sending 1 change, then reading the tenant back to verify:")
        .contains("  applied  people.pronouns    PATCH " + ROOT + PRONOUNS + "\n\nApply complete: 1 applied, 0 failed.\n");
    h.verifyGets(2, PRONOUNS); // the plan's read, then one read back
  }

  @Test
  void aWriteThatShowsOnlyOnTheSecondReadIsApplied() {
    h.objectShowingPatch(PRONOUNS, OFF, ON);
    // Graph lags: the first read after the PATCH still shows the old value, the next one the new.
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + PRONOUNS)).inScenario(PRONOUNS).whenScenarioStateIs(PATCHED)
        .willReturn(okJson(OFF)).willSetStateTo("visible"));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + PRONOUNS)).inScenario(PRONOUNS).whenScenarioStateIs("visible")
        .willReturn(okJson(ON)));
    Path file = dir.resolve("report.json");

    Run r = apply("--verify-wait", "0.03", "--report", file.toString());

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("  applied  people.pronouns    PATCH " + ROOT + PRONOUNS)
        .contains("Apply complete: 1 applied, 0 failed.").doesNotContain("not yet visible");
    h.verifyGets(3, PRONOUNS);
    JsonNode change = report(file).get("changes").get(0);
    assertThat(change.get("status").asString()).isEqualTo("applied");
    assertThat(change.get("verification").asString()).isEqualTo("verified");
  }

  @Test
  void aWriteTheTenantNeverShowsIsAppliedNotYetVisibleAWarningNotAFailure() {
    h.get(PRONOUNS, OFF);
    h.patchOk(PRONOUNS);
    Path file = dir.resolve("report.json");

    Run r = apply("--verify-wait", "0.03", "--report", file.toString());

    assertThat(r.exit()).as("accepted by Graph: not a failure").isZero();
    assertThat(r.out())
        .contains("  applied, not yet visible  people.pronouns    PATCH " + ROOT + PRONOUNS + "\n"
            + "                            Graph accepted it, but after 3 reads over 30 ms the tenant shows "
            + "isEnabledInOrganization is false, not true. Graph can take a while to show a change\n")
        .contains("Apply complete: 0 applied, 1 applied but not yet visible, 0 failed.")
        .contains("Warning: 1 change accepted by Graph does not show in the tenant yet. Graph can take a while: run "
            + "plan later, and if it still differs, apply again.");
    h.verifyGets(4, PRONOUNS);
    h.verifyPatch(PRONOUNS, ON);
    JsonNode report = report(file);
    assertThat(report.get("result").asString()).isEqualTo("complete");
    assertThat(report.get("exitCode").asInt()).isZero();
    JsonNode change = report.get("changes").get(0);
    assertThat(change.get("status").asString()).isEqualTo("applied_not_visible");
    assertThat(change.get("verification").asString()).isEqualTo("not_visible");
    assertThat(report.at("/counts/applied_not_visible").asInt()).isEqualTo(1);
  }

  @Test
  void aReadBackThatFailsIsCouldNotVerifyNeitherAFailureNorDrift() {
    h.objectShowingPatch(PRONOUNS, OFF, ON);
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + PRONOUNS)).inScenario(PRONOUNS).whenScenarioStateIs(PATCHED)
        .willReturn(graphError(403, "accessDenied", null, "req-readback-403", true)));
    Path file = dir.resolve("report.json");

    Run r = apply("--report", file.toString());

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("  applied  people.pronouns    PATCH " + ROOT + PRONOUNS + "\n"
            + "           could not verify: HTTP 403 accessDenied: Failure accessDenied.")
        .contains("[request-id req-readback-403]")
        .contains("Apply complete: 1 applied, 0 failed.")
        .contains("Note: 1 change could not be read back to verify (see above); run plan to confirm.")
        .doesNotContain("FAILED").doesNotContain("drift");
    h.verifyGets(2, PRONOUNS); // a failed read is not read again: it would fail the same way
    JsonNode change = report(file).get("changes").get(0);
    assertThat(change.get("status").asString()).isEqualTo("applied");
    assertThat(change.get("verification").asString()).isEqualTo("could_not_verify");
    assertThat(change.at("/verificationError/code").asString()).isEqualTo("accessDenied");
    assertThat(change.at("/verificationError/requestId").asString()).isEqualTo("req-readback-403");
    assertThat(change.get("error").isNull()).isTrue();
  }

  @Test
  void aTimedOutWriteThatTheTenantShowsIsAppliedAndNotResent() {
    h.objectShowingPatch(PRONOUNS, OFF, ON);
    // The gateway gave up (504) after the write was made: the tenant shows it.
    wm.stubFor(WireMock.patch(urlEqualTo(ROOT + PRONOUNS)).inScenario(PRONOUNS).willSetStateTo(PATCHED)
        .willReturn(graphError(504, "gatewayTimeout", null, "req-504", true)));
    Path file = dir.resolve("report.json");

    Run r = apply("--report", file.toString());

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("  applied  people.pronouns    PATCH " + ROOT + PRONOUNS + "\n"
            + "           Graph's answer was lost, but reading the tenant back shows the change: it was applied\n")
        .contains("Apply complete: 1 applied, 0 failed.");
    h.verifyPatch(PRONOUNS, ON);
    JsonNode change = report(file).get("changes").get(0);
    assertThat(change.get("status").asString()).isEqualTo("applied");
    assertThat(change.at("/error/status").asInt()).isEqualTo(504);
    assertThat(change.at("/error/maybeApplied").asBoolean()).isTrue();
    assertThat(change.at("/error/requestId").asString()).isEqualTo("req-504");
  }

  @Test
  void aTimedOutWriteThatTheTenantDoesNotShowIsMaybeAppliedAndNotResent() {
    h.get(PRONOUNS, OFF);
    h.patchAnswers(PRONOUNS, graphError(504, "gatewayTimeout", null, "req-504", true));
    Path file = dir.resolve("report.json");

    Run r = apply("--verify-wait", "0.03", "--report", file.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("  MAYBE APPLIED  people.pronouns    PATCH " + ROOT + PRONOUNS + "\n"
            + "                 HTTP 504 gatewayTimeout: Failure gatewayTimeout.; it may or may not have been "
            + "applied, so it was not sent again")
        .contains("Graph's answer was lost, and after 3 reads over 30 ms the tenant shows isEnabledInOrganization "
            + "is false, not true: it was most likely not applied")
        .contains("Apply incomplete: 0 applied, 0 failed, 1 maybe applied.")
        .contains("Run apply again to finish")
        .contains("A change whose answer was lost is planned again only if the tenant still lacks it.");
    h.verifyPatch(PRONOUNS, ON); // exactly once: never resent
    JsonNode change = report(file).get("changes").get(0);
    assertThat(change.get("status").asString()).isEqualTo("maybe_applied");
    assertThat(change.get("verification").asString()).isEqualTo("not_visible");
  }

  @Test
  void aWriteWhoseConnectionDroppedIsJudgedByTheReadBack() {
    h.objectShowingPatch(PRONOUNS, OFF, ON);
    wm.stubFor(WireMock.patch(urlEqualTo(ROOT + PRONOUNS)).inScenario(PRONOUNS).willSetStateTo(PATCHED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    Run r = apply("--batch-size", "1");

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("  applied  people.pronouns").contains("Graph's answer was lost");
    h.verifyPatch(PRONOUNS, ON);
  }

  @Test
  void noVerifyReadsNothingBack() {
    h.get(PRONOUNS, OFF);
    h.patchOk(PRONOUNS);
    Path file = dir.resolve("report.json");

    Run r = apply("--no-verify", "--report", file.toString());

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Sending 1 change:\n  applied  people.pronouns")
        .contains("Nothing was read back (--no-verify): run plan to confirm the tenant matches.");
    h.verifyGets(1, PRONOUNS);
    JsonNode report = report(file);
    assertThat(report.get("verify").asBoolean()).isFalse();
    assertThat(report.at("/changes/0/verification").asString()).isEqualTo("skipped");
  }

  @Test
  void createdAndDeletedItemsAreVerifiedInTheirCollection() {
    String knitting = "{\"id\":\"int-9\",\"displayName\":\"Knitting\"}";
    String hiking = "{\"id\":\"int-new\",\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}";
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("interests")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"value\":[" + knitting + "]}")));
    wm.stubFor(WireMock.post(urlEqualTo(ROOT + INTERESTS)).inScenario("interests").willSetStateTo("created")
        .willReturn(okJson(hiking).withStatus(201)));
    wm.stubFor(WireMock.delete(urlEqualTo(ROOT + INTERESTS + "/int-9")).inScenario("interests")
        .willReturn(aResponse().withStatus(204)));
    // The list shows the new item; the deleted one shows only on the first read back, then is gone.
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("interests").whenScenarioStateIs("created")
        .willReturn(okJson("{\"value\":[" + knitting + "," + hiking + "]}")).willSetStateTo("gone"));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("interests").whenScenarioStateIs("gone")
        .willReturn(okJson("{\"value\":[" + hiking + "]}")));
    Path yaml = h.yaml("interests.yaml", """
        users:
          %s:
            interests:
              Hiking:
                categories: [Outdoors]
        prune: [users.interests]
        """.formatted(ADELE));

    Run r = h.graph("apply", yaml.toString(), "--auto-approve", "--allow-destructive", "--verify-wait", "0.03",
        "--batch-size", "1", "--concurrency", "1");

    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("  applied  users[\"" + ADELE + "\"].interests[\"Hiking\"]    POST " + ROOT + INTERESTS)
        .contains("  applied  users[\"" + ADELE + "\"].interests[\"Knitting\"]    DELETE " + ROOT + INTERESTS + "/int-9")
        .contains("Apply complete: 2 applied, 0 failed.");
  }

  @Test
  void onlyWrittenSettingsAreReadBack() {
    h.objectShowingPatch(PRONOUNS, OFF, ON);
    h.get(PRONUNCIATION, ON);
    Path yaml = h.yaml("both.yaml", """
        people:
          pronouns: {isEnabledInOrganization: true}
          namePronunciation: {isEnabledInOrganization: true}
        """);

    Run r = h.graph("apply", yaml.toString(), "--auto-approve");

    assertThat(r.exit()).as(r.out()).isZero();
    h.verifyGets(2, PRONOUNS);
    h.verifyGets(1, PRONUNCIATION); // in sync: nothing was written, so nothing is read back
  }
}
