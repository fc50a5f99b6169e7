package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tolerant reader (issue 14 item 3): whatever value Microsoft's type allows, {@code validate} accepts and
 * {@code plan} runs with; a tenant holding such values exports YAML that validates. Where the tool only wishes for a
 * shape (a GUID for a group id, a collaboration tag the docs list) it warns, at the value's file:line:column, and the exit code stays 0.
 */
class TolerantReaderCliTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Values Graph's types allow that the schemas used to refuse. */
  private static final String ODD_BUT_ALLOWED =
      """
      copilot:
        limitedMode:
          isEnabledForGroup: null
          groupId: legacy-group-7
        enhancedPersonalization:
          disabledForGroup: {group: Copilot Pilot}
        policySettings:
          microsoft.copilot.allowwebsearch:
            value: "1"
            policyId: cloud-policy-7
      people:
        itemInsights:
          isEnabledInOrganization: null
          disabledForGroup: 9B0F5C1E-2D4A-4E6B-8C3F-7A1D2E5B6C90
        photoUpdateSettings:
          source: unknownFutureValue
          allowedRoles: ["62e90394-69f5-4237-9190-012177145e10", "62e90394-69f5-4237-9190-012177145e10", ""]
        profileCardProperties:
          CustomAttribute1:
            annotations:
              - displayName: null
                localizations:
                  - {languageTag: x-klingon, displayName: ""}
                  - {languageTag: null, displayName: null}
      users:
        adele.vance@contoso.com:
          interests:
            Chelsea FC:
              allowedAudiences: me,unknownFutureValue
              categories: [Sports, Sports, ""]
              collaborationTags: [wantsToTeach, askMeAbout, askMeAbout]
      """;

  @TempDir Path tmp;

  @Test
  void validateAcceptsWhatGraphAllowsAndWarnsAboutAGroupIdThatIsNoGuidAndAnUndocumentedTag() throws IOException {
    Path file = tmp.resolve("odd.yaml");
    Files.writeString(file, ODD_BUT_ALLOWED);

    CliRunner.Run validate = CliRunner.run(Map.of(), "validate", file.toString());

    assertThat(validate.exit()).as(show(validate)).isZero();
    assertThat(validate.out()).startsWith("Valid:");
    // groupId is on line 4, its value at column 14; an upper-case GUID and {group: name} draw no warning.
    assertThat(validate.err().lines().filter(l -> l.startsWith("warning: ")).toList())
        .as(show(validate))
        .containsExactly("warning: " + file + ":4:14: copilot.limitedMode.groupId: 'legacy-group-7' is not an Entra "
            + "group id (a GUID such as edbfe4fb-ec70-4300-928f-dbb2ae86c981); Graph takes it as it is. To name a "
            + "group, write {group: \"<display name>\"}",
            "warning: " + file + ":31:29: users[\"adele.vance@contoso.com\"].interests[\"Chelsea FC\"]"
                + ".collaborationTags[0]: \"wantsToTeach\" is not one of the documented tags (askMeAbout, ableToMentor, "
                + "wantsToLearn, wantsToImprove); did you mean wantsToLearn?");
  }

  @Test
  void planRunsAgainstATenantHoldingThemWithTheSameWarning() throws IOException {
    Path file = tmp.resolve("odd.yaml");
    Files.writeString(file, ODD_BUT_ALLOWED);
    Path state = seedOddTenant();

    CliRunner.Run plan = CliRunner.run(Map.of(), "plan", "--sandbox", "--sandbox-state", state.toString(),
        file.toString());

    assertThat(plan.exit()).as(show(plan)).isZero();
    assertThat(plan.err()).contains("warning: " + file + ":4:14: copilot.limitedMode.groupId:");
  }

  @Test
  void aTenantHoldingThemExportsYamlThatValidatesAndPlansClean() throws IOException {
    Path state = seedOddTenant();
    Path exported = tmp.resolve("exported.yaml");

    CliRunner.Run export = CliRunner.run(Map.of(), "export", "--sandbox", "--sandbox-state", state.toString(),
        "--out", exported.toString(), "--user", "adele.vance@contoso.com");
    assertThat(export.exit()).as(show(export)).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml).contains("cloud-policy-7").contains("unknownFutureValue").contains("wantsToTeach");

    CliRunner.Run validate = CliRunner.run(Map.of(), "validate", exported.toString());
    assertThat(validate.exit()).as(show(validate) + "\n--- exported\n" + yaml).isZero();

    CliRunner.Run plan = CliRunner.run(Map.of(), "plan", "--detailed-exitcode", "--sandbox", "--sandbox-state",
        state.toString(), exported.toString());
    assertThat(plan.exit()).as(show(plan) + "\n--- exported\n" + yaml).isZero();
    assertThat(plan.out()).contains("No changes");
  }

  @Test
  void applySendsIdsThatAreNoGuidsAndTheSandboxTakesThemAsGraphDoes() throws IOException {
    Path file = tmp.resolve("ids.yaml");
    Files.writeString(file,
        """
        copilot:
          limitedMode:
            isEnabledForGroup: true
            groupId: legacy-group-7
          policySettings:
            microsoft.copilot.allowwebsearch:
              value: "0"
              policyId: cloud-policy-7
        """);
    String state = tmp.resolve("tenant.json").toString();

    CliRunner.Run apply = CliRunner.run(Map.of(), "apply", "--auto-approve", "--sandbox", "--sandbox-state", state,
        file.toString());
    assertThat(apply.exit()).as(show(apply)).isZero();

    CliRunner.Run again = CliRunner.run(Map.of(), "plan", "--detailed-exitcode", "--sandbox", "--sandbox-state", state,
        file.toString());
    assertThat(again.exit()).as(show(again)).isZero();
  }

  /** The demo tenant, holding the odd values of {@link #ODD_BUT_ALLOWED}, as a sandbox state file. */
  private Path seedOddTenant() throws IOException {
    ObjectNode seed = (ObjectNode) JSON.readTree(Path.of("../examples/sandbox/demo-tenant.json").toFile());
    ObjectNode resources = (ObjectNode) seed.get("resources");
    ObjectNode limited = (ObjectNode) resources.get("copilot.limitedMode");
    limited.putNull("isEnabledForGroup");
    limited.put("groupId", "legacy-group-7");
    ((ObjectNode) resources.get("copilot.policySettings").get("microsoft.copilot.allowwebsearch"))
        .put("policyId", "cloud-policy-7");
    ObjectNode insights = (ObjectNode) resources.get("people.itemInsights");
    insights.putNull("isEnabledInOrganization");
    insights.put("disabledForGroup", "People Insights Opt-out");
    ObjectNode photo = (ObjectNode) resources.get("people.photoUpdateSettings");
    photo.put("source", "unknownFutureValue");
    ((ArrayNode) photo.get("allowedRoles")).add("62e90394-69f5-4237-9190-012177145e10").add("");
    ArrayNode urls = (ArrayNode) resources.get("people.profilePropertySettings").get(0).get("prioritizedSourceUrls");
    urls.add(urls.get(0).asString());
    ObjectNode annotation = (ObjectNode) resources.get("people.profileCardProperties").get(0).get("annotations").get(0);
    annotation.putNull("displayName");
    ArrayNode localizations = (ArrayNode) annotation.get("localizations");
    localizations.addObject().put("languageTag", "x-klingon").put("displayName", "");
    localizations.addObject().putNull("languageTag").putNull("displayName");
    ObjectNode interest = (ObjectNode) seed.get("users").get("adele.vance@contoso.com").get("interests").get(0);
    interest.put("allowedAudiences", "me,unknownFutureValue");
    interest.putArray("categories").add("Sports").add("Sports").add("");
    interest.putArray("collaborationTags").add("wantsToTeach").add("askMeAbout");
    Path state = tmp.resolve("tenant.json");
    JSON.writeValue(state.toFile(), seed);
    return state;
  }

  private static String show(CliRunner.Run r) {
    return "exit " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err();
  }
}
