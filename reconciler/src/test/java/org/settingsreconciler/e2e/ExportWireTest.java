package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.APP_DATA_ACCESS;
import static org.settingsreconciler.e2e.WireHarness.CARD;
import static org.settingsreconciler.e2e.WireHarness.CONTACT_INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.ENTRA_URL;
import static org.settingsreconciler.e2e.WireHarness.GROUP_A;
import static org.settingsreconciler.e2e.WireHarness.GROUP_B;
import static org.settingsreconciler.e2e.WireHarness.HR_URL;
import static org.settingsreconciler.e2e.WireHarness.INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.LIMITED;
import static org.settingsreconciler.e2e.WireHarness.PEOPLE_INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.PHOTO;
import static org.settingsreconciler.e2e.WireHarness.PINNING;
import static org.settingsreconciler.e2e.WireHarness.POLICY;
import static org.settingsreconciler.e2e.WireHarness.POLICY_ID;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PRONUNCIATION;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;
import static org.settingsreconciler.e2e.WireHarness.USER_INSIGHTS;
import static org.settingsreconciler.e2e.WireHarness.USER_SETTINGS;
import static org.settingsreconciler.e2e.WireHarness.WEBSEARCH;
import static org.settingsreconciler.e2e.WireHarness.graphError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/** export writes YAML that validates and plans to "No changes" against the tenant it came from. */
class ExportWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  /** A tenant with every resource, in the shapes the docs show, including server-only fields. */
  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.get(ENHANCED, """
        {"value":{"@odata.type":"#microsoft.graph.enhancedPersonalizationSetting",
                  "isEnabledInOrganization":true,"disabledForGroup":"%s"}}""".formatted(GROUP_A));
    h.get(LIMITED, """
        {"@odata.type":"#microsoft.graph.copilotAdminLimitedMode","isEnabledForGroup":true,"groupId":"%s"}"""
        .formatted(GROUP_B));
    h.get(PINNING, """
        {"@odata.type":"#microsoft.graph.copilotPolicySetting",
         "id":"microsoft.copilot.copilotchatpinning","value":"1","policyId":"%s"}""".formatted(POLICY_ID));
    h.get(WEBSEARCH, "{\"id\":\"microsoft.copilot.allowwebsearch\",\"value\":\"0\",\"policyId\":null}");
    h.get(POLICY + "microsoft.copilot.blockaccesstoopenfiles",
        "{\"id\":\"microsoft.copilot.blockaccesstoopenfiles\",\"value\":null,\"policyId\":\"" + POLICY_ID + "\"}");
    h.getAnswers(POLICY + "microsoft.copilot.imagegeneration",
        graphError(422, "unprocessableEntity", "groupScopedSettingNotSupported", "req-422", false));
    h.get(POLICY + "microsoft.copilot.allowinadmincenters",
        "{\"id\":\"microsoft.copilot.allowinadmincenters\",\"value\":null,\"policyId\":null}");
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":true}");
    h.get(PRONUNCIATION, "{\"id\":\"np-1\",\"isEnabledInOrganization\":false}");
    h.get(INSIGHTS, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.get(PHOTO, "{\"id\":\"pu-1\",\"allowedRoles\":[\"62e90394-69f5-4237-9190-012177145e10\"]}");
    h.list(WireHarness.SOURCES, WireHarness.ENTRA_SOURCE, WireHarness.HR_SOURCE);
    h.list(PROPERTY_SETTINGS,
        "{\"id\":\"pps-0\",\"name\":null,\"displayName\":null,\"prioritizedSourceUrls\":[\"" + HR_URL + "\",\""
            + ENTRA_URL + "\"]}",
        "{\"id\":\"pps-1\",\"name\":\"skills\",\"displayName\":\"Skills\",\"prioritizedSourceUrls\":[\""
            + ENTRA_URL + "\"],\"allowedAudiences\":\"organization\"}");
    h.list(CARD,
        "{\"id\":\"CustomAttribute1\",\"directoryPropertyName\":\"CustomAttribute1\",\"isVisible\":true,"
            + "\"annotations\":[{\"displayName\":\"Cost Center\",\"localizations\":[{\"languageTag\":\"de-DE\","
            + "\"displayName\":\"Kostenstelle\"}]}]}",
        "{\"directoryPropertyName\":\"Alias\",\"annotations\":[]}");
    h.list(INTERESTS,
        "{\"id\":\"i-1\",\"displayName\":\"Chelsea FC\",\"allowedAudiences\":\"organization\",\"inference\":null,"
            + "\"createdDateTime\":\"2020-07-06T06:34:12.2294868Z\",\"createdBy\":{\"user\":{\"displayName\":\"A\"}},"
            + "\"categories\":[\"Sports\"],\"description\":\"World's greatest football club\","
            + "\"webUrl\":\"https://www.chelseafc.com\",\"collaborationTags\":null}",
        "{\"id\":\"i-2\",\"displayName\":\"Hiking\",\"allowedAudiences\":\"organization\","
            + "\"categories\":[\"Outdoors\"],\"collaborationTags\":[\"askMeAbout\"],\"description\":null}");
    h.get(PEOPLE_INSIGHTS, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":\"" + GROUP_A + "\"}");
    h.get(CONTACT_INSIGHTS, "{\"isEnabledInOrganization\":false,\"disabledForGroup\":null}");
    h.get(APP_DATA_ACCESS, "{\"@odata.type\":\"#microsoft.graph.microsoftApplicationDataAccessSettings\","
        + "\"isEnabledForAllMicrosoftApplications\":true,\"disabledForGroup\":null}");
    h.get(USER_SETTINGS, "{\"contributionToContentDiscoveryAsOrganizationDisabled\":false,"
        + "\"contributionToContentDiscoveryDisabled\":true}");
    h.get(USER_INSIGHTS, "{\"isEnabled\":false}");
    // The agent catalog: the list shows an agent's copilotPackage properties, its own GET the access lists too.
    h.list(WireHarness.AGENTS, AGENT_LISTED);
    h.get(WireHarness.AGENTS + "/P_1", AGENT_DETAIL);
  }

  static final String AGENT_LISTED = "{\"id\":\"P_1\",\"displayName\":\"Contoso HR Agent\",\"publisher\":\"Contoso\","
      + "\"type\":\"custom\",\"isBlocked\":true,\"ownerId\":\"" + GROUP_B + "\",\"availableTo\":\"some\"}";

  static final String AGENT_DETAIL = "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#copilot/admin/"
      + "catalog/packages/$entity\",\"id\":\"P_1\",\"displayName\":\"Contoso HR Agent\",\"publisher\":\"Contoso\","
      + "\"type\":\"custom\",\"isBlocked\":true,\"ownerId\":\"" + GROUP_B + "\",\"availableTo\":\"some\","
      + "\"allowedUsersAndGroups\":[{\"resourceId\":\"" + GROUP_A + "\",\"resourceType\":\"group\"}],"
      + "\"acquireUsersAndGroups\":[],\"sharedWithUsersAndGroups\":[],\"categories\":[\"HR\"]}";

  @Test
  void exportedYamlPlansToNoChangesAgainstTheSameTenant() throws IOException {
    Path out = dir.resolve("exported/tenant.yaml");

    Run export = h.graph("export", "--user", ADELE, "--out", out.toString());

    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.err())
        .contains("note: copilot.policySettings[\"microsoft.copilot.imagegeneration\"] left out: this setting is "
            + "configured in a group-level policy")
        .contains("note: copilot.policySettings[\"microsoft.copilot.blockaccesstoopenfiles\"] left out: not "
            + "configured in the tenant")
        .contains("Exported to " + out);
    h.verifyOnlyReads();
    String yaml = Files.readString(out);
    assertThat(yaml)
        .contains("sourcePrecedence:")
        .contains("microsoft.copilot.copilotchatpinning:")
        .contains(ADELE + ":")
        .doesNotContain("imagegeneration")
        .doesNotContain("createdDateTime")
        .contains("      isVisible: true\n") // managed since issue 14: a hidden card property is drift
        .doesNotContain("pps-0")
        // Every agent of the catalog, as its own GET shows it, with what the tenant calls it above its id.
        .contains(String.join("\n",
            "  agents:",
            "    # displayName \"Contoso HR Agent\", publisher \"Contoso\"",
            "    P_1:",
            "      isBlocked: true",
            "      ownerId: " + GROUP_B,
            "      allowedUsersAndGroups:",
            "        - resourceId: " + GROUP_A,
            "          resourceType: group",
            "      acquireUsersAndGroups: []",
            ""))
        .as("an agent's own properties the tool does not manage").doesNotContain("- HR").doesNotContain("custom")
        .contains("""
            organization:
              peopleInsights:
                isEnabledInOrganization: true
                disabledForGroup: %s
            """.formatted(GROUP_A))
        .contains("""
                settings:
                  contributionToContentDiscoveryDisabled: true
                  itemInsights:
                    isEnabled: false
            """)
        .doesNotContain("contributionToContentDiscoveryAsOrganizationDisabled");
    int readsByExport = h.requests().size();

    Run plan = h.graph("plan", out.toString(), "--detailed-exitcode");

    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).startsWith("No changes. The tenant matches the desired state (")
        .contains("(22 checked)");
    assertThat(h.requests()).hasSizeGreaterThan(readsByExport);
    h.verifyOnlyReads();
  }

  /**
   * A tenant may spell a card property's directoryPropertyName in another letter case than the docs (Graph matches it
   * ignoring case): export writes the tenant's own spelling, the schema takes it, and it plans to no change.
   */
  /**
   * OData lets Graph annotate any value, nested ones too ({@code @odata.type} on a complex value, or
   * {@code displayName@odata.type} beside a property): annotations are not data, so export leaves them out of the
   * YAML (which could not hold them) and plan does not take them for drift.
   */
  @Test
  void annotationsInsideNestedValuesAreNeitherExportedNorDrift() throws IOException {
    h.list(CARD, "{\"directoryPropertyName\":\"CustomAttribute1\",\"isVisible\":true,\"annotations\":[{"
        + "\"@odata.type\":\"#microsoft.graph.profileCardAnnotation\",\"displayName\":\"Cost Center\","
        + "\"displayName@odata.type\":\"#String\",\"localizations\":[{"
        + "\"@odata.type\":\"#microsoft.graph.displayNameLocalization\",\"languageTag\":\"de-DE\","
        + "\"displayName\":\"Kostenstelle\"}]}]}");
    Path out = dir.resolve("tenant.yaml");

    Run export = h.graph("export", "--user", ADELE, "--out", out.toString());

    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(Files.readString(out)).contains("Kostenstelle").doesNotContain("@odata");
    Run validate = h.run("validate", out.toString());
    assertThat(validate.exit()).as(validate.err()).isZero();
    Run plan = h.graph("plan", out.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    h.verifyOnlyReads();
  }

  /**
   * Graph adds properties to its types over time (the metadata is a snapshot): a property of a nested complex value
   * the metadata slice does not have yet must not make export write YAML the schema refuses, nor plans show drift.
   */
  @Test
  @Disabled("issue 14: a property the metadata lacks inside a nested complex value (a card "
      + "annotation) is exported into YAML the schema refuses, and YAML without it plans an update forever that "
      + "would drop it from the tenant; needs a rule for unknown nested properties (ignore in compare and export, "
      + "keep the tenant's in a PATCH)")
  void anUnknownPropertyInsideANestedValueIsNeitherExportedNorDrift() throws IOException {
    h.list(CARD, "{\"directoryPropertyName\":\"CustomAttribute1\",\"isVisible\":true,\"annotations\":[{"
        + "\"displayName\":\"Cost Center\",\"localizations\":[],\"isDefaultLabel\":true}]}");
    Path out = dir.resolve("tenant.yaml");

    Run export = h.graph("export", "--user", ADELE, "--out", out.toString());

    assertThat(export.exit()).as(export.err()).isZero();
    Run validate = h.run("validate", out.toString());
    assertThat(validate.exit()).as(validate.err()).isZero();
    Run plan = h.graph("plan", out.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
  }

  @Test
  void exportWritesACardPropertyInTheTenantsOwnSpellingAndItValidates() throws IOException {
    h.list(CARD, "{\"directoryPropertyName\":\"customAttribute1\",\"isVisible\":true,\"annotations\":[]}",
        "{\"directoryPropertyName\":\"ALIAS\",\"isVisible\":false,\"annotations\":[]}");
    Path out = dir.resolve("tenant.yaml");

    Run export = h.graph("export", "--user", ADELE, "--out", out.toString());

    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(Files.readString(out)).contains("\n    customAttribute1:\n").contains("\n    ALIAS:\n")
        .doesNotContain("CustomAttribute1").doesNotContain("Alias:");
    Run validate = h.run("validate", out.toString());
    assertThat(validate.exit()).as(validate.err()).isZero();
    Run plan = h.graph("plan", out.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    h.verifyOnlyReads();
  }

  /**
   * A profile property setting is exported under its displayName, or its older name where the tenant fills only that;
   * where the two differ, displayName is the key. Neither is written inside the item.
   */
  @Test
  void exportKeysAProfilePropertySettingByItsDisplayNameElseItsName() throws IOException {
    h.list(PROPERTY_SETTINGS,
        "{\"id\":\"pps-1\",\"name\":\"skillsLegacy\",\"displayName\":\"Skills\",\"prioritizedSourceUrls\":[\""
            + ENTRA_URL + "\"]}",
        "{\"id\":\"pps-2\",\"name\":\"office\",\"displayName\":null,\"prioritizedSourceUrls\":[\"" + ENTRA_URL
            + "\"]}");
    Path out = dir.resolve("tenant.yaml");

    Run export = h.graph("export", "--user", ADELE, "--out", out.toString());

    assertThat(export.exit()).as(export.err()).isZero();
    String yaml = Files.readString(out);
    assertThat(yaml.substring(yaml.indexOf("profilePropertySettings:"), yaml.indexOf("profileCardProperties:")))
        .contains("\n    Skills:\n").contains("\n    office:\n")
        .doesNotContain("skillsLegacy").doesNotContain("displayName").doesNotContain("name:");
    Run plan = h.graph("plan", out.toString(), "--detailed-exitcode");
    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
  }

  @Test
  void exportToStdoutIsTheSameYamlAndValidates() throws IOException {
    Path out = dir.resolve("tenant.yaml");
    assertThat(h.graph("export", "--user", ADELE, "--out", out.toString()).exit()).isZero();

    Run stdout = h.graph("export", "--user", ADELE);

    assertThat(stdout.exit()).isZero();
    assertThat(stdout.out()).isEqualTo(Files.readString(out));
    Run validate = h.run("validate", out.toString());
    assertThat(validate.exit()).as(validate.err()).isZero();
    h.verifyOnlyReads();
  }

  @Test
  void exportWithAFailedReadExitsOneAndNamesIt() throws IOException {
    h.getAnswers(PRONOUNS, graphError(500, "generalException", null, "req-x", true));
    Path out = dir.resolve("tenant.yaml");

    Run r = h.graph("export", "--out", out.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("error: people.pronouns could not be read: HTTP 500 generalException")
        .contains("[request-id req-x]")
        .contains("The export is incomplete: 1 could not be read.");
    h.verifyOnlyReads();
  }

  /**
   * Standard output masks values shaped like credentials, so YAML exported there would hold "***" where the tenant
   * holds the value, and applying it would write "***" to the tenant (its plan shows both sides masked, as if nothing
   * changed). Before: printed so in silence, exit 0. Now the run says so and exits 1; --out writes the real values.
   */
  @Test
  void anExportOnStandardOutputThatHadToMaskAValueSaysSoAndFails() throws IOException {
    String shaped = "ask for client_secret=abcdef12345";
    h.list(INTERESTS, "{\"id\":\"i-1\",\"displayName\":\"Chelsea FC\",\"allowedAudiences\":\"organization\","
        + "\"description\":\"" + shaped + "\"}");
    Path out = dir.resolve("tenant.yaml");

    Run stdout = h.graph("export", "--user", ADELE);
    Run file = h.graph("export", "--user", ADELE, "--out", out.toString());

    assertThat(stdout.exit()).as(stdout.err()).isEqualTo(1);
    assertThat(stdout.out()).contains("description: ask for client_secret=***");
    assertThat(stdout.err()).contains("shown as *** on standard output").contains("--out FILE");
    assertThat(file.exit()).as(file.err()).isZero();
    assertThat(Files.readString(out)).contains("description: " + shaped);
  }
}
