package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/** Throttling is waited out as Graph asks (Retry-After in decimal seconds); list pages are followed on the same host. */
class RetryAndPagingWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  private static ResponseDefinitionBuilder throttled() {
    return throttled("0.1");
  }

  private static ResponseDefinitionBuilder throttled(String retryAfter) {
    return aResponse()
        .withStatus(429)
        .withHeader("Retry-After", retryAfter)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Please retry again later.\","
            + "\"innerError\":{\"code\":\"429\",\"request-id\":\"req-429\",\"status\":\"429\"}}}");
  }

  /** The first request matching {@code first} is throttled; later ones get what {@code later} answers. */
  private void throttledOnce(MappingBuilder first, MappingBuilder later) {
    throttledOnceWith(first, throttled(), later);
  }

  private void throttledOnceWith(MappingBuilder first, ResponseDefinitionBuilder answer, MappingBuilder later) {
    wm.stubFor(first.inScenario("once").whenScenarioStateIs(STARTED).willReturn(answer).willSetStateTo("again"));
    wm.stubFor(later.inScenario("once").whenScenarioStateIs("again"));
  }

  private String pronounsOn() {
    return h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n").toString();
  }

  @Test
  void throttledReadIsRetriedOnceAfterRetryAfterAndThePlanSucceeds() {
    throttledOnce(WireMock.get(urlEqualTo(ROOT + PRONOUNS)),
        WireMock.get(urlEqualTo(ROOT + PRONOUNS)).willReturn(okJson("{\"isEnabledInOrganization\":true}")));

    Run r = h.graph("plan", pronounsOn(), "--detailed-exitcode");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("No changes.");
    h.verifyGets(2, PRONOUNS);
    List<LoggedRequest> gets = h.requests();
    long gapMillis = gets.get(1).getLoggedDate().getTime() - gets.get(0).getLoggedDate().getTime();
    // Retry-After: 0.1 means 100 ms; the fallback backoff would be a second or more.
    assertThat(gapMillis).isBetween(90L, 999L);
  }

  @Test
  void throttledPatchIsRetriedAndSentOnceSuccessfully() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    throttledOnce(WireMock.patch(urlEqualTo(ROOT + PRONOUNS)),
        WireMock.patch(urlEqualTo(ROOT + PRONOUNS)).willReturn(okJson("{\"isEnabledInOrganization\":true}")));

    Run r = h.graph("apply", pronounsOn(), "--auto-approve", "--no-verify");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    wm.verify(2, WireMock.patchRequestedFor(urlEqualTo(ROOT + PRONOUNS))
        .withRequestBody(WireMock.equalToJson("{\"isEnabledInOrganization\":true}")));
  }

  @Test
  void throttlingThatNeverEndsGivesUpAfterTheAttemptLimitWithAnError() {
    h.getAnswers(PRONOUNS, throttled());

    Run r = h.graph("plan", pronounsOn());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("! people.pronouns could not be read:").contains("HTTP 429 TooManyRequests");
    h.verifyGets(5, PRONOUNS);
  }

  @Test
  void retryAfterBeyondTheWaitLimitFailsAtOnceInsteadOfHanging() {
    h.getAnswers(PRONOUNS, throttled("300"));
    long start = System.nanoTime();

    Run r = h.graph("plan", pronounsOn());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("HTTP 429 TooManyRequests");
    h.verifyGets(1, PRONOUNS);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
  }

  @Test
  void readWhoseConnectionDroppedIsRetried() {
    throttledOnceWith(WireMock.get(urlEqualTo(ROOT + PRONOUNS)),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        WireMock.get(urlEqualTo(ROOT + PRONOUNS)).willReturn(okJson("{\"isEnabledInOrganization\":true}")));

    Run r = h.graph("plan", pronounsOn(), "--detailed-exitcode");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    h.verifyGets(2, PRONOUNS);
  }

  @Test
  void writeWhoseConnectionDroppedIsNeverRepeatedBlindly() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.patchAnswers(PRONOUNS, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    Run r = h.graph("apply", pronounsOn(), "--auto-approve", "--verify-wait", "0");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("MAYBE APPLIED  people.pronouns").contains("no response connectionFailed")
        .contains("after 1 read the tenant shows isEnabledInOrganization is false, not true: it was most likely not "
            + "applied");
    wm.verify(1, WireMock.patchRequestedFor(urlEqualTo(ROOT + PRONOUNS)));
    h.verifyGets(2, PRONOUNS); // the plan's read, and one read back
  }

  private String interestsYaml() {
    return h.yaml("desired.yaml", """
        users:
          %s:
            interests:
              Hiking:
                categories: [Outdoors]
              Chelsea FC:
                description: new
        prune: [users.interests]
        """.formatted(ADELE)).toString();
  }

  private void pageTwo() {
    h.get(INTERESTS + "?$skiptoken=p2",
        "{\"value\":[{\"id\":\"i-2\",\"displayName\":\"Chelsea FC\",\"description\":\"old\"}]}");
  }

  @Test
  void nextLinkIsFollowedAndItemsOnPageTwoAreMatched() {
    h.get(INTERESTS, """
        {"value":[{"id":"i-1","displayName":"Hiking","categories":["Outdoors"]}],
         "@odata.nextLink":"%s%s?$skiptoken=p2"}""".formatted(h.graphUrl(), INTERESTS));
    pageTwo();

    Run r = h.graph("plan", interestsYaml(), "--format", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode changes = r.json().get("changes");
    // Chelsea FC is on page 2: found there, it is patched in place, not created again, and nothing is pruned.
    assertThat(changes.size()).isEqualTo(1);
    assertThat(changes.get(0).get("method").asString()).isEqualTo("PATCH");
    assertThat(changes.get(0).get("path").asString()).isEqualTo(ROOT + INTERESTS + "/i-2");
    assertThat(changes.get(0).get("body").toString()).isEqualTo("{\"description\":\"new\"}");
    h.verifyGets(1, INTERESTS);
    h.verifyGets(1, INTERESTS + "?$skiptoken=p2");
    h.verifyEveryRequestAuthorized();
  }

  @Test
  void relativeNextLinkIsFollowedToo() {
    h.get(INTERESTS, """
        {"value":[{"id":"i-1","displayName":"Hiking","categories":["Outdoors"]}],
         "@odata.nextLink":"%s?$skiptoken=p2"}""".formatted(INTERESTS));
    pageTwo();

    Run r = h.graph("plan", interestsYaml(), "--format", "json");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.json().get("changes").size()).isEqualTo(1);
    h.verifyGets(1, INTERESTS + "?$skiptoken=p2");
  }

  @Test
  void nextLinkToAnotherHostIsNotFollowedSoTheTokenStaysHome() {
    h.get(INTERESTS, """
        {"value":[{"id":"i-1","displayName":"Hiking","categories":["Outdoors"]}],
         "@odata.nextLink":"https://graph.evil.example/beta/users/x/profile/interests?$skiptoken=p2"}""");

    Run r = h.graph("plan", interestsYaml());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("! users[\"" + ADELE + "\"].interests could not be read:")
        .contains("an @odata.nextLink to another host (graph.evil.example)")
        // With the list incomplete, nothing may be created or pruned from it.
        .doesNotContain("POST")
        .doesNotContain("DELETE");
    assertThat(h.requests()).hasSize(1);
  }
}
