package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * The tenant a plan heading and the apply prompt name is the one written to, by a name that cannot be mistaken:
 * not another organization's name beside the token's tenant id, and not a name whose line breaks or terminal escapes
 * rewrite the heading; and never "tenant tenant <id>" when only the id is known.
 */
class TenantNamingWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  private static final String TOKEN_TENANT = "aaaaaaaa-1111-4222-8333-444444444444";

  @TempDir Path dir;

  private WireHarness h;
  private Path desired;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
  }

  @Test
  void anOrganizationOfAnotherTenantThanTheTokensDoesNotLendItsName() {
    String token = SecretsNeverLeakWireTest.jwt("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"" + TOKEN_TENANT
        + "\",\"idtyp\":\"user\",\"upn\":\"admin@fabrikam.com\",\"exp\":" + Instant.now().plusSeconds(3600)
        .getEpochSecond() + ",\"scp\":\"PeopleSettings.ReadWrite.All\"}");
    // Graph (or whatever answers at this root) names Contoso, WireHarness.TENANT_ID; the token is Fabrikam's.
    Run r = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", token), "plan", desired.toString(),
        "--graph-url", h.graphUrl());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Planned against " + h.graphUrl() + ", tenant " + TOKEN_TENANT
            + ", signed in as admin@fabrikam.com")
        .doesNotContain(WireHarness.TENANT_NAME + " (" + TOKEN_TENANT + ")");
  }

  @Test
  void aTenantWhoseOrganizationCannotBeReadIsNamedByItsIdOrAsNotKnown() {
    h.getAnswers(WireHarness.ORGANIZATION, WireMock.aResponse().withStatus(403)
        .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges\"}}"));
    String token = SecretsNeverLeakWireTest.jwt("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"" + TOKEN_TENANT
        + "\",\"idtyp\":\"app\",\"appid\":\"app-1\",\"roles\":[\"PeopleSettings.ReadWrite.All\"],\"exp\":"
        + Instant.now().plusSeconds(3600).getEpochSecond() + "}");

    Run byId = h.runWith(Map.of("RECONCILER_ACCESS_TOKEN", token), "plan", desired.toString(),
        "--graph-url", h.graphUrl());
    Run unidentified = h.graph("plan", desired.toString());

    assertThat(byId.out()).as(byId.err()).startsWith("Planned against " + h.graphUrl() + ", tenant " + TOKEN_TENANT
        + ", signed in as app app-1:");
    assertThat(unidentified.out()).as(unidentified.err())
        .startsWith("Planned against " + h.graphUrl() + ", tenant not known (the token names none and /organization "
            + "could not be read), signed in as ");
  }

  @Test
  void lineBreaksAndTerminalEscapesInTheTenantsNameDoNotReachTheHeading() {
    // JSON escapes: a line break, a forged heading line, an escape that hides what follows (the id), an RLO.
    h.organization(WireHarness.TENANT_ID, "Contoso\\nPlanned against tenant Fabrikam\\u001b[8m\\u202e");

    Run r = h.graph("plan", desired.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    String heading = r.out().lines().findFirst().orElseThrow();
    // On one line (Organization: a line break is a space), other controls and format characters as U+FFFD.
    assertThat(heading).contains("tenant Contoso Planned against tenant Fabrikam\uFFFD[8m\uFFFD ("
        + WireHarness.TENANT_ID + ")");
    assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u202e");
  }

  @Test
  void aKeyThatReordersOrHidesTextShowsItsEscapesAndStillAppliesFromASavedPlan() throws Exception {
    // Shown raw, a right-to-left override makes this interest's address read "Chelsea FC"; U+009B is a terminal's CSI.
    String name = "\u202eCF aeslehC\u202c\u009b2J";
    h.list(WireHarness.INTERESTS, "{\"id\":\"int-1\",\"displayName\":\"" + name + "\"}");
    Path pruning = h.yaml("desired.yaml", "users:\n  " + WireHarness.ADELE + ":\n    interests: {}\n"
        + "prune: [users.interests]\n");
    Path saved = dir.resolve("plan.json");

    Run text = h.graph("plan", pruning.toString(), "--out", saved.toString());
    Run markdown = h.graph("plan", pruning.toString(), "--format", "markdown");

    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains(".interests[\"\\u202eCF aeslehC\\u202c\\u009b2J\"] will be deleted");
    assertThat(markdown.out()).contains("<code>users[\"" + WireHarness.ADELE
        + "\"].interests[\"\\u202eCF aeslehC\\u202c\\u009b2J\"]</code>");
    assertThat((text.out() + markdown.out()).lines().filter(l -> l.contains(".interests[")))
        .as("every line naming the item by its address").isNotEmpty()
        .allSatisfy(l -> assertThat(l).doesNotContain("\u202e").doesNotContain("\u009b"));
    h.deleteOk(WireHarness.INTERESTS + "/int-1");
    Run applied = h.graph("apply", "--plan", saved.toString(), "--allow-destructive", "--no-verify");
    assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
    h.verifyDelete(WireHarness.INTERESTS + "/int-1");
  }
}
