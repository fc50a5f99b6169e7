package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.ENHANCED;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.PRONOUNS;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A saved plan is a sealed record: applied only as reviewed, only to the tenant and Graph root it was made for.
 * Each case is a way a plan file was found to be trusted beyond what it says; every one must end with exit 1, a
 * message naming what is wrong, and no write at all. Edits are made both plainly (the digest then catches them) and
 * "resealed" with a digest recomputed here, as a determined editor would, so the checks behind the digest are tried
 * too.
 */
class SealedSavedPlanWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path saved;

  @BeforeEach
  void tenant() {
    h = new WireHarness(wm, dir);
    h.get(PRONOUNS, "{\"isEnabledInOrganization\":false}");
    h.get(ENHANCED, "{\"isEnabledInOrganization\":true,\"disabledForGroup\":null}");
    h.list(INTERESTS, "{\"id\":\"int-9\",\"displayName\":\"Knitting\"}");
    saved = dir.resolve("plan.json");
  }

  /** A reviewed plan: turn pronouns on (not destructive), and update an interest's categories. */
  private ObjectNode planAndSave() throws IOException {
    Path desired = h.yaml("desired.yaml", """
        people:
          pronouns:
            isEnabledInOrganization: true
        users:
          %s:
            interests:
              Knitting:
                categories: [Crafts]
        """.formatted(ADELE));
    Run r = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).as("the plan names the tenant it was made for")
        .contains("tenant Contoso (" + WireHarness.TENANT_ID + ")");
    return (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
  }

  private ObjectNode change(ObjectNode plan, String address) {
    for (JsonNode c : plan.get("changes")) {
      if (c.get("address").asString().equals(address)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError("no change " + address + " in " + plan);
  }

  private Run applySaved(ObjectNode plan, String... more) throws IOException {
    Files.writeString(saved, WireHarness.JSON.writeValueAsString(plan));
    String[] args = new String[3 + more.length];
    args[0] = "apply";
    args[1] = "--plan";
    args[2] = saved.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return h.graph(args);
  }

  private void assertRefusedAndNothingSent(Run r, String... messages) {
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains(messages);
    assertThat(r.out()).doesNotContain("applied ");
    assertThat(h.requests()).allSatisfy(q -> assertThat(q.getMethod().getName()).as(q.getUrl()).isEqualTo("GET"));
  }

  @Test
  void aPlanOfPronounsEditedToTurnOffEnhancedPersonalizationIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = change(plan, "people.pronouns");
    c.put("path", ENHANCED);
    c.putObject("body").put("isEnabledInOrganization", false);
    c.putObject("before").put("isEnabledInOrganization", false);

    assertRefusedAndNothingSent(applySaved(plan), "the plan file was changed after it was saved");

    assertRefusedAndNothingSent(applySaved(reseal(plan)),
        "people.pronouns: the path " + ENHANCED + " does not belong to this address",
        "goes to " + PRONOUNS);
  }

  @Test
  void anEncodedDotSegmentInAnItemPathIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = change(plan, "users[\"" + ADELE + "\"].interests[\"Knitting\"]");
    c.put("path", INTERESTS + "/%2e%2e");

    assertRefusedAndNothingSent(applySaved(reseal(plan)), "does not belong to this address");
  }

  @Test
  void aBodySettingAPropertyTheResourceDoesNotHaveIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ObjectNode c = change(plan, "people.pronouns");
    ((ObjectNode) c.get("body")).put("isEnabledInOrganizationAndMore", true);

    assertRefusedAndNothingSent(applySaved(reseal(plan)),
        "the body sets \"isEnabledInOrganizationAndMore\", which is not a property");
  }

  @Test
  void anUpdateWhoseBeforeLeavesOutWhatItSetsIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    ((ObjectNode) change(plan, "people.pronouns").get("before")).removeAll();

    assertRefusedAndNothingSent(applySaved(reseal(plan)), "\"before\" lacks \"isEnabledInOrganization\"");
  }

  @Test
  void aDestructiveChangeHiddenBehindAFalseBeforeIsCaughtByTheTenantsRealValue() throws IOException {
    Path desired = h.yaml("desired.yaml", "copilot:\n  enhancedPersonalization:\n    disabledForGroup: null\n"
        + "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Run p = h.graph("plan", desired.toString(), "--out", saved.toString());
    assertThat(p.exit()).as(p.err()).isZero();
    ObjectNode plan = (ObjectNode) WireHarness.JSON.readTree(Files.readString(saved));
    // Claim enhanced personalization was already off, so turning it off looks like no change to the rails.
    ObjectNode c = change(plan, "people.pronouns").deepCopy();
    c.put("address", "copilot.enhancedPersonalization");
    c.put("path", ENHANCED);
    c.putObject("body").put("isEnabledInOrganization", false);
    c.putObject("before").put("isEnabledInOrganization", false);
    ((ArrayNode) plan.get("changes")).add(c);

    assertRefusedAndNothingSent(applySaved(reseal(plan), "--auto-approve"),
        "copilot.enhancedPersonalization.isEnabledInOrganization: was false when planned, is true now");
  }

  @Test
  void aPlanForOneTenantIsRefusedInAnother() throws IOException {
    ObjectNode plan = planAndSave();
    h.organization("9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a", "Fabrikam");

    Run r = applySaved(plan);

    assertRefusedAndNothingSent(r,
        "the plan is for Contoso (" + WireHarness.TENANT_ID + "), but this run signed in to Fabrikam "
            + "(9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a)");
  }

  @Test
  void aPlanIsRefusedWhereTheTenantCannotBeToldApart() throws IOException {
    ObjectNode plan = planAndSave();
    h.getAnswers(WireHarness.ORGANIZATION,
        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(403)
            .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges\"}}"));

    assertRefusedAndNothingSent(applySaved(plan), "this run cannot tell which tenant it signed in to");
  }

  @Test
  void aPlanMadeThroughOneGraphRootIsRefusedThroughAnother() throws IOException {
    ObjectNode plan = planAndSave();
    String otherRoot = h.graphUrl().replace("localhost", "127.0.0.1");
    Files.writeString(saved, WireHarness.JSON.writeValueAsString(plan));

    Run r = h.run("apply", "--plan", saved.toString(), "--graph-url", otherRoot);

    assertRefusedAndNothingSent(r, "the plan was made against " + h.graphUrl() + ", this run talks to " + otherRoot);
  }

  @Test
  void aPlanOfTheOldFormatThatNamesNoTenantIsRefused() throws IOException {
    ObjectNode plan = planAndSave();
    plan.removeAll();
    plan.put("formatVersion", 1);
    plan.putArray("changes");

    assertRefusedAndNothingSent(applySaved(plan), "format 1, which names no tenant: plan again");
  }

  @Test
  void theUneditedPlanAppliesWithoutAskingAndNamesTheTenantFirst() throws IOException {
    ObjectNode plan = planAndSave();
    h.patchOk(PRONOUNS);
    h.patchOk(INTERESTS + "/int-9");

    Run r = applySaved(plan, "--no-verify");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Applying the saved plan " + saved + " (2 changes, planned ")
        .contains("tenant Contoso (" + WireHarness.TENANT_ID + ")");
    h.verifyPatch(PRONOUNS, "{\"isEnabledInOrganization\":true}");
  }

  /**
   * Recomputes the digest of an edited plan as its format describes it (SHA-256 of the document without "digest",
   * object keys sorted, no spaces), written here apart from the tool's own code.
   */
  static ObjectNode reseal(ObjectNode plan) {
    ObjectNode copy = plan.deepCopy();
    copy.remove("digest");
    try {
      byte[] bytes = WireHarness.JSON.writeValueAsString(sorted(copy)).getBytes(StandardCharsets.UTF_8);
      copy.put("digest", "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return copy;
  }

  private static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      Map<String, JsonNode> keys = new TreeMap<>();
      n.properties().forEach(e -> keys.put(e.getKey(), sorted(e.getValue())));
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      keys.forEach(out::set);
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      n.forEach(i -> out.add(sorted(i)));
      return out;
    }
    return n;
  }
}
