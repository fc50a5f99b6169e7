package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;
import static org.settingsreconciler.e2e.WireHarness.USER_INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.USER_SETTINGS;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * A users: key naming a user the tenant lacks is an error at that key, as an unknown {@code {user: upn}} is at its
 * value; it is found from the 404s of the user's reads, confirmed by the lookup {@code {user:}} uses, sent only then.
 */
class UnknownUserKeyWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private String file;

  static final String LOOKUP = "/users/" + ADELE + "?$select=id,userPrincipalName";

  /** What Graph answers for a directory object it does not have. */
  static ResponseDefinitionBuilder noSuchUser() {
    return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource '" + ADELE
            + "' does not exist or one of its queried reference-property objects are not present.\"}}");
  }

  @BeforeEach
  void pronounsNeedAChange() {
    h = new WireHarness(wm, dir);
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    file = h.yaml("users.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
        users:
          %s:
            interests:
              Hiking: {}
            settings:
              contributionToContentDiscoveryDisabled: true
              itemInsights:
                isEnabled: false
        """.formatted(ADELE)).toString();
  }

  @Test
  void aKeyWhoseUserDoesNotExistIsAnErrorAtTheKeyAndNothingIsWritten() {
    h.getAnswers(INTERESTS, noSuchUser());
    h.getAnswers(USER_SETTINGS, noSuchUser());
    h.getAnswers(USER_INSIGHTS, noSuchUser());
    h.getAnswers(LOOKUP, noSuchUser());

    Run r = h.graph("apply", file, "--auto-approve");

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .contains("error: " + file + ":5:3: users[\"" + ADELE + "\"]: no Entra user has the principal name \""
            + ADELE + "\"")
        .contains("1 user principal name could not be resolved; nothing was written to the tenant")
        .doesNotContain("could not be read");
    assertThat(r.out()).doesNotContain("could not be read");
    h.verifyOnlyReads();
    h.verifyGets(1, LOOKUP);
  }

  @Test
  void aNotFoundWhoseUserExistsIsStillAReadThatFailed() {
    h.getAnswers(INTERESTS, graphError(404, "itemNotFound", null, "req-404", true));
    h.get(USER_SETTINGS, "{\"contributionToContentDiscoveryDisabled\":true}");
    h.get(USER_INSIGHTS, "{\"isEnabled\":false}");
    h.get(LOOKUP, "{\"id\":\"48d31887-5fad-4d73-a9f5-3c356e68a038\",\"userPrincipalName\":\"" + ADELE + "\"}");

    Run r = h.graph("plan", file);

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("! users[\"" + ADELE + "\"].interests could not be read:\n      HTTP 404 itemNotFound")
        .contains("~ people.pronouns will be updated\n      PATCH " + ROOT + PRONOUNS);
    assertThat(r.err()).doesNotContain("no Entra user");
    h.verifyGets(1, LOOKUP);
  }

  @Test
  void readsThatSucceedCostNoLookup() {
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Hiking\"}");
    h.get(USER_SETTINGS, "{\"contributionToContentDiscoveryDisabled\":true}");
    h.get(USER_INSIGHTS, "{\"isEnabled\":false}");

    Run r = h.graph("plan", file);

    assertThat(r.exit()).as(r.toString()).isZero();
    h.verifyGets(0, LOOKUP);
  }

  @Test
  void aFailedLookupLeavesTheReadsAsTheyFailed() {
    h.getAnswers(INTERESTS, noSuchUser());
    h.getAnswers(USER_SETTINGS, noSuchUser());
    h.getAnswers(USER_INSIGHTS, noSuchUser());
    h.getAnswers(LOOKUP, graphError(403, "Authorization_RequestDenied", null, "req-403", true));

    Run r = h.graph("plan", file);

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .contains("! users[\"" + ADELE + "\"].interests could not be read:\n      HTTP 404 Request_ResourceNotFound")
        .contains("~ people.pronouns will be updated");
  }

  /** A guest's principal name holds '#' (#EXT#): its reads and its lookup go to the user's path, the '#' encoded. */
  @Test
  void aGuestKeyIsLookedUpUnderItsEncodedName() {
    String guest = "ada_fabrikam.com#EXT#@contoso.onmicrosoft.com";
    String path = "/users/ada_fabrikam.com%23EXT%23@contoso.onmicrosoft.com";
    String yaml = h.yaml("guest.yaml", """
        users:
          "%s":
            settings:
              contributionToContentDiscoveryDisabled: true
        """.formatted(guest)).toString();
    h.getAnswers(path + "/settings", noSuchUser());
    h.getAnswers(path + "/settings/itemInsights", noSuchUser());
    h.getAnswers(path + "/profile/interests", noSuchUser());
    h.getAnswers(path + "?$select=id,userPrincipalName", noSuchUser());

    Run r = h.graph("plan", yaml);

    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains(yaml + ":2:3: users[\"" + guest + "\"]: no Entra user has the principal name");
    h.verifyGets(1, path + "?$select=id,userPrincipalName");
  }
}
