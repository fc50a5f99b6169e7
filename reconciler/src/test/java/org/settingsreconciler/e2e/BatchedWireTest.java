package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.CARD;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.ENTRA_URL;
import static org.settingsreconciler.e2e.WireHarness.HR_URL;
import static org.settingsreconciler.e2e.WireHarness.INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.LIMITED;
import static org.settingsreconciler.e2e.WireHarness.PHOTO;
import static org.settingsreconciler.e2e.WireHarness.POLICY;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * The CLI with batching on (the default): export of every user, the throughput options, and apply's ordering and
 * failure rules when its writes share batches.
 */
class BatchedWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  private static final String USERS = "/users?$select=id,userPrincipalName&$top=999";
  private static final String BOB = "bob@contoso.com";

  /** Every tenant-wide resource, at defaults, so export has all it reads. */
  private void plainTenant() {
    h.get(ENHANCED, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.get(LIMITED, "{\"isEnabledForGroup\":false,\"groupId\":null}");
    for (String id : new String[] {"copilotchatpinning", "blockaccesstoopenfiles", "imagegeneration",
        "allowwebsearch", "allowinadmincenters"}) {
      h.get(POLICY + "microsoft.copilot." + id, "{\"id\":\"microsoft.copilot." + id + "\",\"value\":\"1\"}");
    }
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":true}");
    h.get(INSIGHTS, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.get(PHOTO, "{\"allowedRoles\":[],\"source\":\"cloud\"}");
    h.list(WireHarness.SOURCES, WireHarness.ENTRA_SOURCE);
    h.list(PROPERTY_SETTINGS);
    h.list(CARD);
    h.list(WireHarness.AGENTS);
    h.get(WireHarness.PEOPLE_INSIGHTS, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.get(WireHarness.CONTACT_INSIGHTS, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.get(WireHarness.APP_DATA_ACCESS, "{\"isEnabledForAllMicrosoftApplications\":true,\"disabledForGroup\":null}");
  }

  /** A user's settings and the item insights nested in them, as the tenant has them. */
  private void userSettings(String upn, boolean contributionDisabled, boolean insightsEnabled) {
    h.get("/users/" + upn + "/settings", "{\"contributionToContentDiscoveryAsOrganizationDisabled\":false,"
        + "\"contributionToContentDiscoveryDisabled\":" + contributionDisabled + "}");
    h.get("/users/" + upn + "/settings/itemInsights", "{\"isEnabled\":" + insightsEnabled + "}");
  }

  @Test
  void exportAllUsersFollowsTheUserPagesAndReadsEveryonesInterests() throws IOException {
    plainTenant();
    h.get(USERS, """
        {"value":[{"id":"u-1","userPrincipalName":"%s"}],
         "@odata.nextLink":"%s/users?$select=id,userPrincipalName&$top=999&$skiptoken=p2"}"""
        .formatted(ADELE, h.graphUrl()));
    h.get("/users?$select=id,userPrincipalName&$top=999&$skiptoken=p2",
        "{\"value\":[{\"id\":\"u-2\",\"userPrincipalName\":\"" + BOB + "\"},{\"id\":\"room\"}]}");
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Hiking\",\"categories\":[\"Outdoors\"]}");
    h.list("/users/" + BOB + "/profile/interests", "{\"id\":\"i-2\",\"displayName\":\"Chess\"}");
    userSettings(ADELE, false, true);
    userSettings(BOB, true, false);
    Path out = dir.resolve("all.yaml");

    Run r = h.graph("export", "--all-users", "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(out)).contains(ADELE + ":").contains("Hiking:").contains(BOB + ":").contains("Chess:")
        .contains("""
              %s:
                interests:
                  Chess: {}
                settings:
                  contributionToContentDiscoveryDisabled: true
                  itemInsights:
                    isEnabled: false
            """.formatted(BOB));
    h.verifyGets(1, INTERESTS);
    h.verifyGets(1, "/users/" + BOB + "/profile/interests");
    for (String user : new String[] {ADELE, BOB}) {
      h.verifyGets(1, "/users/" + user + "/settings");
      h.verifyGets(1, "/users/" + user + "/settings/itemInsights");
    }
    h.verifyOnlyReads();
    assertThat(h.batches()).isNotEmpty();
  }

  @Test
  void exportAllUsersWhoseUserListFailsIsIncomplete() {
    plainTenant();
    h.getAnswers(USERS, graphError(403, "accessDenied", null, "req-users", true));

    Run r = h.graph("export", "--all-users");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("the tenant's users could not be listed: HTTP 403 accessDenied")
        .contains("The export is incomplete");
  }

  /**
   * A user list that breaks after its first page: the users of that page are written, and the file's header says the
   * export is incomplete, not that planning it shows no changes (users past the break are missing from it).
   */
  @Test
  void exportAllUsersWhoseUserListBreaksMidwaySaysSoInTheFile() throws IOException {
    plainTenant();
    h.get(USERS, """
        {"value":[{"id":"u-1","userPrincipalName":"%s"}],
         "@odata.nextLink":"%s/users?$select=id,userPrincipalName&$top=999&$skiptoken=p2"}"""
        .formatted(ADELE, h.graphUrl()));
    h.getAnswers("/users?$select=id,userPrincipalName&$top=999&$skiptoken=p2",
        graphError(500, "generalException", null, "req-p2", true));
    h.list(INTERESTS);
    userSettings(ADELE, false, true);
    Path out = dir.resolve("all.yaml");

    Run r = h.graph("export", "--all-users", "--out", out.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("the tenant's users could not be listed: HTTP 500 generalException");
    assertThat(Files.readString(out)).contains(ADELE + ":")
        .containsPattern("(?m)^# INCOMPLETE: the tenant's users could not all be listed")
        .doesNotContain("planning this file shows no changes");
  }

  /**
   * Next links Graph never sends: an empty one (which would read the service root as if it were a page of users),
   * one back to the first page or to itself, one to another host. Each breaks the user list, which is said, and the
   * export is incomplete.
   */
  @ParameterizedTest
  @CsvSource({
      "'', an empty @odata.nextLink",
      "FIRST, an @odata.nextLink back to a page already read",
      "SELF, an @odata.nextLink back to a page already read",
      "http://elsewhere.example/v1.0/users?$skiptoken=p3, an @odata.nextLink to another host (elsewhere.example)"})
  void exportAllUsersRefusesANextLinkGraphNeverSends(String link, String why) throws IOException {
    plainTenant();
    String p2 = "/users?$select=id,userPrincipalName&$top=999&$skiptoken=p2";
    h.get(USERS, """
        {"value":[{"id":"u-1","userPrincipalName":"%s"}],"@odata.nextLink":"%s%s"}"""
        .formatted(ADELE, h.graphUrl(), p2));
    String next = switch (link) {
      case "FIRST" -> h.graphUrl() + USERS;
      case "SELF" -> h.graphUrl() + p2;
      default -> link;
    };
    h.get(p2, "{\"value\":[{\"id\":\"u-2\",\"userPrincipalName\":\"" + BOB + "\"}],\"@odata.nextLink\":\""
        + next + "\"}");
    h.list(INTERESTS);
    h.list("/users/" + BOB + "/profile/interests");
    userSettings(ADELE, false, true);
    userSettings(BOB, true, false);
    Path out = dir.resolve("all.yaml");

    Run r = h.graph("export", "--all-users", "--out", out.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("the tenant's users could not be listed").contains(why);
    assertThat(Files.readString(out)).containsPattern("(?m)^# INCOMPLETE: ")
        .doesNotContain("planning this file shows no changes");
  }

  /**
   * A long value is written on one line, so the masking of standard output, a line at a time, sees a bearer token
   * with its word: folded at a space (as YAML may, past a width), "Bearer" ended one line and the token began the
   * next, unmasked.
   */
  @Test
  void aLongValueHoldingABearerTokenIsMaskedOnStandardOutput() {
    plainTenant();
    h.get(USERS, "{\"value\":[{\"id\":\"u-1\",\"userPrincipalName\":\"" + ADELE + "\"}]}");
    String category = "Bearer tok3nABCDEF12 ".repeat(40).strip();
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Hiking\",\"categories\":[\"" + category + "\"]}");
    userSettings(ADELE, false, true);

    Run r = h.graph("export", "--all-users");

    assertThat(r.out()).contains("Hiking:").doesNotContain("tok3nABCDEF12");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("values shaped like credentials are shown as *** on standard output");
  }

  @Test
  void batchSizeOneSendsEveryRequestOnItsOwn() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":true}");
    Path yaml = h.yaml("d.yaml", """
        people:
          pronouns: {isEnabledInOrganization: true}
          namePronunciation: {isEnabledInOrganization: true}
        """);

    Run r = h.graph("plan", yaml.toString(), "--batch-size", "1", "--concurrency", "1");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(h.batches()).isEmpty();
    assertThat(h.requests()).hasSize(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "--batch-size | 0 | '--batch-size': 0 is out of range; it must be 1 to 20",
      "--batch-size | 21 | '--batch-size': 21 is out of range; it must be 1 to 20",
      "--concurrency | 0 | '--concurrency': 0 is out of range; it must be 1 to 64"})
  void throughputOutOfRangeIsAUserError(String option, String value, String message) {
    Path yaml = h.yaml("d.yaml", "people:\n  pronouns: {isEnabledInOrganization: true}\n");

    Run r = h.graph("plan", yaml.toString(), option, value);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(message);
    h.verifyNoRequests();
  }

  @Test
  void outcomesAreReportedInPlanOrderWhateverOrderTheAnswersCameIn() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":false}");
    h.get(INSIGHTS, "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}");
    h.patchOk(PRONOUNS);
    h.patchOk(PRONUNCIATION);
    h.patchOk(INSIGHTS);

    Run r = h.autoApply("""
        people:
          pronouns: {isEnabledInOrganization: true}
          namePronunciation: {isEnabledInOrganization: true}
          itemInsights: {isEnabledInOrganization: true}
        """);

    assertThat(r.exit()).as(r.out()).isZero();
    int pronouns = r.out().indexOf("applied  people.pronouns");
    int pronunciation = r.out().indexOf("applied  people.namePronunciation");
    int insights = r.out().indexOf("applied  people.itemInsights");
    assertThat(pronouns).isPositive().isLessThan(pronunciation);
    assertThat(pronunciation).isLessThan(insights);
    assertThat(h.batches()).as("the three PATCHes share one batch").hasSize(2);
  }

  @Test
  void aDeleteIsNotSentWhenTheResetBeforeItFailed() {
    h.list(PROPERTY_SETTINGS, "{\"id\":\"pps-1\",\"name\":\"skills\",\"prioritizedSourceUrls\":[\"" + HR_URL + "\",\""
        + ENTRA_URL + "\"]}");
    h.patchAnswers(PROPERTY_SETTINGS + "/pps-1", graphError(500, "generalException", null, "req-500", true));

    Run r = h.autoApplyAllowingDestructive("""
        people:
          profilePropertySettings: {}
        prune: [people.profilePropertySettings]
        """);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAILED         people.profilePropertySettings[\"skills\"]    PATCH")
        .contains("not attempted  people.profilePropertySettings[\"skills\"]    DELETE")
        .contains("not sent: it was planned on the PATCH before it to the same address working, and that failed")
        .contains("1 not attempted");
    wm.verify(0, deleteRequestedFor(urlEqualTo(ROOT + PROPERTY_SETTINGS + "/pps-1")));
  }

  @Test
  void writesInABatchWhoseConnectionDroppedAreReportedAsMaybeAppliedAndNotResent() {
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(PRONUNCIATION, "{\"isEnabledInOrganization\":false}");
    h.patchOk(PRONOUNS);
    h.patchAnswers(PRONUNCIATION, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    Run r = h.autoApply("""
        people:
          pronouns: {isEnabledInOrganization: true}
          namePronunciation: {isEnabledInOrganization: true}
        """);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("MAYBE APPLIED  people.pronouns")
        .contains("MAYBE APPLIED  people.namePronunciation")
        .contains("may or may not have been applied, so it was not sent again: plan again")
        .contains("not read back (--no-verify), so it is not known whether it was applied")
        .contains("Apply incomplete: 0 applied, 0 failed, 2 maybe applied.");
    wm.verify(1, patchRequestedFor(urlEqualTo(ROOT + PRONOUNS)));
    wm.verify(1, patchRequestedFor(urlEqualTo(ROOT + PRONUNCIATION)));
  }
}
