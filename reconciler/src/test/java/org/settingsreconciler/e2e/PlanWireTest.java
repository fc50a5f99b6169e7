package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.CARD;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.ENTRA_URL;
import static org.settingsreconciler.e2e.WireHarness.GROUP_A;
import static org.settingsreconciler.e2e.WireHarness.GROUP_B;
import static org.settingsreconciler.e2e.WireHarness.HR_URL;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.LIMITED;
import static org.settingsreconciler.e2e.WireHarness.PINNING;
import static org.settingsreconciler.e2e.WireHarness.POLICY_ID;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;
import static org.settingsreconciler.e2e.WireHarness.PROPERTY_SETTINGS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/** plan reads every shape (singleton, fixed ids, tenant and user collections) and never writes. */
class PlanWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path desired;

  /** Every shape with a change: 1 create, 6 updates, 1 delete (interests are pruned). */
  @BeforeEach
  void tenantAndDesiredState() {
    h = new WireHarness(wm, dir);
    h.get(ENHANCED, """
        {"value":{"@odata.type":"#microsoft.graph.enhancedPersonalizationSetting",
                  "isEnabledInOrganization":true,"disabledForGroup":"%s"}}""".formatted(GROUP_A));
    h.get(LIMITED, """
        {"@odata.type":"#microsoft.graph.copilotAdminLimitedMode","isEnabledForGroup":false,"groupId":"%s"}"""
        .formatted(GROUP_B));
    h.get(PINNING, """
        {"@odata.context":"https://graph.microsoft.com/beta/$metadata#copilot/admin/policySettings/$entity",
         "@odata.type":"#microsoft.graph.copilotPolicySetting",
         "id":"microsoft.copilot.copilotchatpinning","value":"0","policyId":"%s"}""".formatted(POLICY_ID));
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.list(PROPERTY_SETTINGS, """
        {"id":"pps-1","name":null,"displayName":null,"prioritizedSourceUrls":["%s"]}""".formatted(ENTRA_URL));
    h.list(CARD);
    h.list(INTERESTS,
        "{\"id\":\"int-1\",\"displayName\":\"Chelsea FC\",\"description\":\"old\",\"categories\":[\"Sports\"]}",
        "{\"id\":\"int-2\",\"displayName\":\"Knitting\",\"categories\":[\"Crafts\"]}");
    desired = h.yaml("desired.yaml", """
        copilot:
          enhancedPersonalization:
            disabledForGroup: %s
          limitedMode:
            isEnabledForGroup: true
            groupId: %s
          policySettings:
            microsoft.copilot.copilotchatpinning:
              value: "1"
        people:
          pronouns:
            isEnabledInOrganization: true
          profilePropertySettings:
            sourcePrecedence:
              prioritizedSourceUrls: ["%s"]
          profileCardProperties:
            CustomAttribute1:
              annotations:
                - displayName: Cost Center
        users:
          %s:
            interests:
              Chelsea FC:
                description: new
        prune: [users.interests]
        """.formatted(GROUP_B, GROUP_B, HR_URL, ADELE));
  }

  /** What the YAML manages, and the profile sources its precedence list names (to know they exist). */
  private static final List<String> READS =
      List.of(ENHANCED, LIMITED, PINNING, PRONOUNS, WireHarness.SOURCES, PROPERTY_SETTINGS, CARD, INTERESTS);

  @Test
  void planReadsEachManagedResourceOnceAndNeverWrites() {
    Run r = h.graph("plan", desired.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    h.verifyOnlyReads();
    READS.forEach(path -> h.verifyGets(1, path));
    assertThat(h.requests()).hasSize(READS.size());
    assertThat(h.batches()).as("every read shares one JSON batch").hasSize(1);
    assertThat(r.out())
        .contains("Planned against " + h.graphUrl())
        .contains("~ copilot.limitedMode will be updated\n      PATCH " + ROOT + LIMITED)
        .contains("~ isEnabledForGroup: false -> true")
        .contains("+ people.profileCardProperties[\"CustomAttribute1\"] will be created\n      POST " + ROOT + CARD)
        .contains("- users[\"" + ADELE + "\"].interests[\"Knitting\"] will be deleted\n"
            + "      ! DESTRUCTIVE: deletes this person interest\n      DELETE " + ROOT + INTERESTS + "/int-2")
        .contains("Plan: 1 to create, 6 to update, 1 to delete, 0 unchanged.");
  }

  @Test
  void everyRequestCarriesTheTokenAsBearerAndNoOutputShowsIt() {
    Run r = h.graph("plan", desired.toString(), "--format", "json");

    assertThat(r.exit()).isZero();
    h.verifyEveryRequestAuthorized();
    // WireHarness.run also asserts that stdout and stderr never contain the token.
    assertThat(h.requests()).allSatisfy(req -> {
      assertThat(req.getUrl()).doesNotContain(WireHarness.TOKEN);
      assertThat(req.getHeader("client-request-id")).matches("[0-9a-f-]{36}");
    });
  }

  @Test
  void aDirectoryOfFilesIsPlannedAsOneDesiredState() throws IOException {
    Path split = Files.createDirectory(dir.resolve("split"));
    String[] sections = Files.readString(desired).split("(?m)^(?=people:|users:)");
    Files.writeString(split.resolve("copilot.yaml"), sections[0]);
    Files.writeString(split.resolve("people.yml"), sections[1]);
    Files.writeString(split.resolve("users.yaml"), sections[2]);
    Files.writeString(split.resolve("README.md"), "not: [yaml");

    Run r = h.graph("plan", split.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Plan: 1 to create, 6 to update, 1 to delete, 0 unchanged.");
    h.verifyOnlyReads();
  }

  @Test
  void jsonPlanHasFormatVersionOneAndEveryChangeInFull() {
    Run r = h.graph("plan", desired.toString(), "--format", "json");

    assertThat(r.exit()).isZero();
    h.verifyOnlyReads();
    JsonNode plan = r.json();
    assertThat(plan.get("formatVersion").asInt()).isEqualTo(2);
    assertThat(plan.get("tenant")).as("the plan names its tenant, as every heading does").isEqualTo(
        WireHarness.JSON.readTree("{\"id\":\"" + WireHarness.TENANT_ID + "\",\"displayName\":\"Contoso\","
            + "\"graphRoot\":\"" + h.graphUrl() + "\",\"signedInAs\":\"the holder of the access token in "
            + "RECONCILER_ACCESS_TOKEN\"}"));
    JsonNode changes = plan.get("changes");
    assertThat(changes.size()).isEqualTo(8);
    for (JsonNode c : changes) {
      assertThat(c.has("address") && c.has("action") && c.has("method") && c.has("path") && c.has("body")
          && c.has("before")).as(c.toString()).isTrue();
    }
    JsonNode limited = change(plan, "copilot.limitedMode");
    assertThat(limited.get("action").asString()).isEqualTo("update");
    assertThat(limited.get("method").asString()).isEqualTo("PATCH");
    assertThat(limited.get("path").asString()).isEqualTo(ROOT + LIMITED);
    assertThat(limited.get("body")).isEqualTo(WireHarness.JSON.readTree(
        "{\"isEnabledForGroup\":true,\"groupId\":\"" + GROUP_B + "\"}"));
    assertThat(limited.get("before")).isEqualTo(WireHarness.JSON.readTree(
        "{\"isEnabledForGroup\":false,\"groupId\":\"" + GROUP_B + "\"}"));
    JsonNode create = change(plan, "people.profileCardProperties[\"CustomAttribute1\"]");
    assertThat(create.get("method").asString()).isEqualTo("POST");
    assertThat(create.get("before").isNull()).isTrue();
    JsonNode delete = change(plan, "users[\"" + ADELE + "\"].interests[\"Knitting\"]");
    assertThat(delete.get("method").asString()).isEqualTo("DELETE");
    assertThat(delete.get("body").isNull()).isTrue();
    assertThat(delete.get("before").get("id").asString()).isEqualTo("int-2");
    assertThat(plan.get("summary").get("create").asInt()).isEqualTo(1);
    assertThat(plan.get("summary").get("update").asInt()).isEqualTo(6);
    assertThat(plan.get("summary").get("delete").asInt()).isEqualTo(1);
    assertThat(plan.get("failures").size()).isZero();
  }

  @Test
  void applySendsExactlyTheBodiesThatTheJsonPlanShowed() {
    JsonNode plan = h.graph("plan", desired.toString(), "--format", "json").json();
    List<JsonNode> changes = new ArrayList<>();
    plan.get("changes").forEach(changes::add);
    for (JsonNode c : changes) {
      // The stubs take paths under the root, which ends in /beta: the plan's paths start with it.
      assertThat(c.get("path").asString()).startsWith(ROOT + "/");
      String path = c.get("path").asString().substring(ROOT.length());
      switch (c.get("method").asString()) {
        case "PATCH" -> h.patchOk(path);
        case "POST" -> h.postCreated(path);
        case "DELETE" -> h.deleteOk(path);
        default -> throw new AssertionError(c.toString());
      }
    }

    Run r = h.graph("apply", desired.toString(), "--auto-approve", "--allow-destructive", "--no-verify");

    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("Apply complete: 8 applied, 0 failed.");
    for (JsonNode c : changes) {
      String path = c.get("path").asString().substring(ROOT.length());
      switch (c.get("method").asString()) {
        case "PATCH" -> h.verifyPatch(path, c.get("body").toString());
        case "POST" -> h.verifyPost(path, c.get("body").toString());
        default -> h.verifyDelete(path);
      }
    }
    List<LoggedRequest> writes =
        h.requests().stream().filter(q -> !q.getMethod().getName().equals("GET")).toList();
    assertThat(writes).hasSize(changes.size());
  }

  private static JsonNode change(JsonNode plan, String address) {
    for (JsonNode c : plan.get("changes")) {
      if (c.get("address").asString().equals(address)) {
        return c;
      }
    }
    throw new AssertionError("no change for " + address + " in " + plan);
  }
}
