package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.SavedPlanEdits.applySaved;
import static org.settingsreconciler.e2e.SavedPlanEdits.assertRefusedAndNothingWritten;
import static org.settingsreconciler.e2e.SavedPlanEdits.change;
import static org.settingsreconciler.e2e.SavedPlanEdits.reseal;
import static org.settingsreconciler.e2e.WireHarness.GROUP_A;
import static org.settingsreconciler.e2e.WireHarness.GROUP_B;
import static org.settingsreconciler.e2e.WireHarness.ORGANIZATION;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.node.ObjectNode;

/**
 * What goes on the wire for the organization's insight settings: each is read and patched under the tenant's own
 * organization object, whose id the run took from {@code GET /organization} (read once, for the heading and the
 * paths alike), with only what differs and a group named in the YAML sent as its id. Without an id nothing is sent
 * for them, and a saved plan cannot be pointed at another organization.
 */
class OrganizationSettingsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  static final String PEOPLE = WireHarness.PEOPLE_INSIGHTS;
  static final String CONTACT = WireHarness.CONTACT_INSIGHTS;
  static final String ACCESS = WireHarness.APP_DATA_ACCESS;
  static final String OPT_OUT_LOOKUP =
      "/groups?$filter=displayName%20eq%20%27Insights%20opt-out%27&$select=id,displayName";

  static final String DESIRED = """
      organization:
        peopleInsights:
          isEnabledInOrganization: true
          disabledForGroup: {group: Insights opt-out}
        contactInsights:
          isEnabledInOrganization: false
        microsoftApplicationDataAccess:
          disabledForGroup: %s
      """.formatted(GROUP_B);

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
    h.get(PEOPLE, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.get(CONTACT, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.get(ACCESS, "{\"@odata.type\":\"#microsoft.graph.microsoftApplicationDataAccessSettings\","
        + "\"isEnabledForAllMicrosoftApplications\":true,\"disabledForGroup\":null}");
    h.get(OPT_OUT_LOOKUP, "{\"value\":[{\"id\":\"" + GROUP_A + "\",\"displayName\":\"Insights opt-out\"}]}");
  }

  @Test
  void eachIsPatchedUnderTheTenantsOwnOrganizationWithOnlyWhatDiffers() {
    h.patchOk(PEOPLE);
    h.patchOk(CONTACT);
    h.patchOk(ACCESS);

    Run r = h.autoApply(DESIRED);

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyPatch(PEOPLE, "{\"disabledForGroup\":\"" + GROUP_A + "\"}");
    h.verifyPatch(CONTACT, "{\"isEnabledInOrganization\":false}");
    h.verifyPatch(ACCESS, "{\"disabledForGroup\":\"" + GROUP_B + "\"}");
    assertThat(h.requests()).extracting(q -> q.getMethod().getName() + " " + q.getUrl())
        .containsExactlyInAnyOrder(
            "GET " + ROOT + OPT_OUT_LOOKUP,
            "GET " + ROOT + PEOPLE, "GET " + ROOT + CONTACT, "GET " + ROOT + ACCESS,
            "PATCH " + ROOT + PEOPLE, "PATCH " + ROOT + CONTACT, "PATCH " + ROOT + ACCESS);
    assertThat(h.organizationReads()).as("one read names the tenant and gives the paths their id").isEqualTo(1);
    assertThat(r.out()).contains("PATCH " + ROOT + PEOPLE + "\n      ~ disabledForGroup: null -> \"Insights opt-out\" ("
        + GROUP_A + ")");
  }

  @Test
  void withoutTheTenantsIdNothingIsSentForThemAndTheRestIsPlanned() {
    h.getAnswers(ORGANIZATION, WireHarness.graphError(403, "Authorization_RequestDenied", null, "req-org", true));
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    Path yaml = h.yaml("desired.yaml", DESIRED + "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run r = h.graph("plan", yaml.toString());

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("people.pronouns will be updated")
        .contains("! organization.peopleInsights could not be read:")
        .contains("the tenant's organization id, which the path /organization/{organization}/settings/peopleInsights "
            + "holds, is not known");
    assertThat(h.requests()).extracting(q -> q.getUrl()).noneMatch(u -> u.contains("/settings/"));
  }

  @Test
  void aSavedPlanPointedAtAnotherOrganizationIsRefused() throws IOException {
    Path saved = dir.resolve("plan.json");
    Run made = h.graph("plan", h.yaml("desired.yaml", DESIRED).toString(), "--out", saved.toString());
    assertThat(made.exit()).as(made.toString()).isZero();
    ObjectNode plan = (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
    assertThat(change(plan, "organization.contactInsights").get("path").asString()).isEqualTo(ROOT + CONTACT);

    String elsewhere = ROOT + "/organization/0b1d5c1e-0000-4000-8000-00000000beef/settings/contactInsights";
    change(plan, "organization.contactInsights").put("path", elsewhere);
    Run applied = applySaved(h, saved, reseal(plan), "--auto-approve");

    assertRefusedAndNothingWritten(h, applied,
        "organization.contactInsights: the path " + elsewhere + " does not belong to this address",
        "goes to " + ROOT + CONTACT);
  }

  @Test
  void aVersionlessRootSendsThemToBetaTheOnlyVersionWithThem() {
    h.serve("/v1.0");
    wm.stubFor(get(urlEqualTo("/beta" + CONTACT)).willReturn(okJson(
        "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}")));
    Path yaml = h.yaml("contact.yaml", "organization:\n  contactInsights:\n    isEnabledInOrganization: false\n");

    Run plan = h.graphAt(h.versionlessUrl(), "plan", yaml.toString());

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("No changes");
    assertThat(h.requests()).extracting(q -> q.getUrl()).containsExactly("/beta" + CONTACT);
  }
}
