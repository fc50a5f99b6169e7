package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.SavedPlanEdits.applySaved;
import static org.settingsreconciler.e2e.SavedPlanEdits.assertRefusedAndNothingWritten;
import static org.settingsreconciler.e2e.SavedPlanEdits.change;
import static org.settingsreconciler.e2e.SavedPlanEdits.reseal;
import static org.settingsreconciler.e2e.WireHarness.AGENTS;
import static org.settingsreconciler.e2e.WireHarness.GROUP_A;
import static org.settingsreconciler.e2e.WireHarness.GROUP_B;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What goes on the wire for the Copilot agent catalog, request by request: an agent the YAML names is read by its own
 * GET; each action is a POST of its documented body to the item's path plus the action's name (block and unblock
 * without a body, reassign with {@code {"userId": ...}}), never a PATCH of isBlocked or ownerId; within one agent a
 * block goes before the PATCH and the other actions after it; user principal names are looked up first; the
 * allow-list reads the catalog's list once and blocks what the YAML does not name. And a saved plan whose actions
 * were edited and resealed is refused before anything is written.
 */
class AgentsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  private static final String HR = AGENTS + "/P_1";
  private static final String UPLOADER = AGENTS + "/P_2";
  private static final String ADELE_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
  private static final String MEGAN_ID = "48d31887-5fad-4d73-a9f5-3c356e68a038";
  private static final String MEGAN = "megan@contoso.com";

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.get(HR, agent("P_1", "Contoso HR Agent", false, ADELE_ID, GROUP_A));
    h.get(UPLOADER, agent("P_2", "Diligent Teams Document Uploader", true, null, null));
    h.get("/users/" + MEGAN + "?$select=id,userPrincipalName",
        "{\"id\":\"" + MEGAN_ID + "\",\"userPrincipalName\":\"" + MEGAN + "\"}");
  }

  private static String agent(String id, String name, boolean blocked, String owner, String group) {
    return "{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"publisher\":\"Contoso\",\"isBlocked\":" + blocked
        + ",\"ownerId\":" + (owner == null ? "null" : "\"" + owner + "\"") + ",\"allowedUsersAndGroups\":["
        + (group == null ? "" : "{\"resourceType\":\"group\",\"resourceId\":\"" + group + "\"}")
        + "],\"acquireUsersAndGroups\":[]}";
  }

  private void writesAnswer204() {
    for (String path : List.of(HR, UPLOADER)) {
      wm.stubFor(WireMock.patch(WireMock.urlEqualTo(ROOT + path)).willReturn(WireMock.aResponse().withStatus(204)));
      for (String action : List.of("block", "unblock", "reassign")) {
        wm.stubFor(WireMock.post(WireMock.urlEqualTo(ROOT + path + "/" + action))
            .willReturn(WireMock.aResponse().withStatus(204)));
      }
    }
  }

  /** The requests that reached one agent's paths, oldest first, as "METHOD path body". */
  private List<String> requestsTo(String path) {
    return h.requests().stream().filter(r -> r.getUrl().startsWith(ROOT + path))
        .map(AgentsWireTest::line).toList();
  }

  private static String line(LoggedRequest r) {
    String body = r.getBodyAsString();
    return r.getMethod().getName() + " " + r.getUrl().substring(ROOT.length()) + (body.isEmpty() ? "" : " " + body);
  }

  @Test
  void eachActionIsAPostOfItsDocumentedBodyAndABlockGoesBeforeThePatchTheOthersAfterIt() {
    writesAnswer204();
    Path desired = h.yaml("agents.yaml", """
        copilot:
          agents:
            P_1:
              isBlocked: true
              ownerId: {user: %s}
              allowedUsersAndGroups: [{group: Sales}]
            P_2:
              isBlocked: false
              allowedUsersAndGroups:
                - {resourceType: group, resourceId: %s}
        """.formatted(MEGAN, GROUP_A));
    h.get("/groups?$filter=displayName%20eq%20%27Sales%27&$select=id,displayName",
        "{\"value\":[{\"id\":\"" + GROUP_B + "\",\"displayName\":\"Sales\"}]}");

    Run apply = h.graph("apply", desired.toString(), "--auto-approve", "--allow-destructive", "--no-verify");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(requestsTo(HR)).containsExactly(
        "GET " + HR,
        "POST " + HR + "/block",
        "PATCH " + HR + " {\"allowedUsersAndGroups\":[{\"resourceType\":\"group\",\"resourceId\":\"" + GROUP_B + "\"}]}",
        "POST " + HR + "/reassign {\"userId\":\"" + MEGAN_ID + "\"}");
    assertThat(requestsTo(UPLOADER)).containsExactly(
        "GET " + UPLOADER,
        "PATCH " + UPLOADER + " {\"allowedUsersAndGroups\":[{\"resourceType\":\"group\",\"resourceId\":\"" + GROUP_A
            + "\"}]}",
        "POST " + UPLOADER + "/unblock");
    List<LoggedRequest> blocks = wm.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(ROOT + HR + "/block")));
    assertThat(blocks).singleElement().satisfies(r -> assertThat(r.containsHeader("Content-Type"))
        .as("block is sent without a body, so without a content type").isFalse());
    // The names were looked up before anything was read or written.
    List<String> all = h.requests().stream().map(AgentsWireTest::line).toList();
    assertThat(all.indexOf("GET /users/" + MEGAN + "?$select=id,userPrincipalName")).isLessThan(all.indexOf("GET " + HR));
    wm.verify(0, WireMock.getRequestedFor(WireMock.urlEqualTo(ROOT + AGENTS)));
  }

  @Test
  void theAllowListReadsTheListOnceAndBlocksOnlyWhatTheYamlDoesNotName() {
    writesAnswer204();
    h.list(AGENTS, "{\"id\":\"P_1\",\"displayName\":\"Contoso HR Agent\",\"isBlocked\":false}",
        "{\"id\":\"P_2\",\"displayName\":\"Diligent Teams Document Uploader\",\"isBlocked\":false}",
        "{\"id\":\"P_3\",\"displayName\":\"Northwind Traders Account Lookup\",\"isBlocked\":true}");
    Path desired = h.yaml("allow.yaml", "copilot:\n  agents:\n    P_1: {}\n  agentsNotListed: block\n");

    Run apply = h.graph("apply", desired.toString(), "--auto-approve", "--allow-destructive", "--no-verify");

    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    h.verifyGets(1, AGENTS);
    List<String> writes = h.requests().stream().filter(r -> !r.getMethod().getName().equals("GET"))
        .map(AgentsWireTest::line).toList();
    assertThat(writes).as("P_1 is named, P_3 is blocked already")
        .containsExactly("POST " + UPLOADER + "/block");
  }

  /** A plan that blocks P_2 and hands P_1 to Megan, saved. */
  private ObjectNode planAndSave(Path saved) throws IOException {
    Path desired = h.yaml("agents.yaml", """
        copilot:
          agents:
            P_1:
              ownerId: %s
            P_2:
              isBlocked: false
        """.formatted(MEGAN_ID));
    Run r = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    return (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
  }

  @Test
  void aResealedPlanWhoseActionWasRenamedOrGivenABodyIsRefused() throws IOException {
    Path saved = dir.resolve("plan.json");
    String unblock = "copilot.agents[\"P_2\"]";

    ObjectNode renamed = planAndSave(saved);
    change(renamed, unblock).put("name", "block");
    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(renamed), "--allow-destructive"),
        unblock + ": the path " + ROOT + UPLOADER + "/unblock does not belong to this address (its action block goes "
            + "to the item's path plus /block)");

    ObjectNode unknown = planAndSave(saved);
    change(unknown, unblock).put("name", "delete").put("path", ROOT + UPLOADER + "/delete");
    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(unknown)),
        unblock + ": Copilot agent has no action \"delete\" (it has block, reassign, unblock)");

    ObjectNode withBody = planAndSave(saved);
    change(withBody, unblock).putObject("body").put("userId", MEGAN_ID);
    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(withBody)),
        unblock + ": the action unblock is sent without a body");
  }

  @Test
  void aResealedPlanThatPatchesWhatAnActionSetsOrSetsItTwiceIsRefused() throws IOException {
    Path saved = dir.resolve("plan.json");
    String reassign = "copilot.agents[\"P_1\"]";

    ObjectNode extra = planAndSave(saved);
    ((ObjectNode) change(extra, reassign).get("body")).put("isBlocked", true);
    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(extra)),
        reassign + ": the action reassign is sent {\"userId\": a string} alone");

    ObjectNode patched = planAndSave(saved);
    ObjectNode patch = ((ArrayNode) patched.get("changes")).addObject();
    patch.put("address", "copilot.agents[\"P_2\"]").put("action", "update").put("method", "PATCH")
        .put("path", ROOT + UPLOADER);
    patch.putObject("body").put("isBlocked", false);
    patch.putObject("before").put("isBlocked", true);
    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(patched)),
        "copilot.agents[\"P_2\"]: the body sets \"isBlocked\", which only an action sets, never a PATCH");

    ObjectNode twice = planAndSave(saved);
    ObjectNode block = change(twice, "copilot.agents[\"P_2\"]").deepCopy();
    block.put("name", "block").put("path", ROOT + UPLOADER + "/block");
    ((ArrayNode) twice.get("changes")).add(block);
    assertRefusedAndNothingWritten(h, applySaved(h, saved, reseal(twice), "--allow-destructive"),
        "copilot.agents[\"P_2\"]: the plan sets isBlocked by two actions");
  }
}
