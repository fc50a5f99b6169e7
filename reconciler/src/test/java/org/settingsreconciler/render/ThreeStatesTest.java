package org.settingsreconciler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.ReadFailure;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/** Every report format shows each setting as in sync, drifted or unknown, and never counts an unknown as drift. */
class ThreeStatesTest {

  private static final org.settingsreconciler.tenant.TenantIdentity SOMEWHERE =
      new org.settingsreconciler.tenant.TenantIdentity(null, null, "https://graph.microsoft.com/beta", null);


  private static final GraphError DOWN =
      new GraphError(503, "serviceNotAvailable", "throttledUpstream", "down", "req-9", null);

  /** One setting of each state. */
  private static Plan mixed() throws Exception {
    return PlanFixtures.plan("full");
  }

  /** Nothing differs, but one setting could not be read. */
  private static Plan unknownOnly() {
    return new Plan(List.of(), List.of(new ReadFailure("people.itemInsights", DOWN)), List.of("people.pronouns"));
  }

  @Test
  void json() throws Exception {
    JsonNode settings = CheckJson.write(mixed(), SOMEWHERE).get("settings");
    assertThat(settings).hasSize(11);
    assertThat(states(settings)).filteredOn("in_sync"::equals).hasSize(3);
    assertThat(states(settings)).filteredOn("drifted"::equals).hasSize(7);
    JsonNode unknown = settings.get(5);
    assertThat(unknown.get("address").asString()).isEqualTo("people.itemInsights");
    assertThat(unknown.get("status").asString()).isEqualTo("unknown");
    assertThat(unknown.get("error").get("status").asInt()).isEqualTo(503);
    assertThat(unknown.get("error").get("code").asString()).isEqualTo("serviceNotAvailable");
    assertThat(unknown.get("error").get("requestId").asString()).isEqualTo("7f3c9a2e-1b4d-4e8f-9a6b-2c5d8e1f0a3b");
    assertThat(unknown.get("error").has("innerCode")).isTrue();
    assertThat(unknown.get("error").get("message").asString()).contains("The service is temporarily unavailable.");
    assertThat(settings.get(0).has("error")).isFalse();

    JsonNode root = CheckJson.write(unknownOnly(), SOMEWHERE);
    assertThat(root.get("changes")).isEmpty();
    assertThat(root.get("summary").get("failed").asInt()).isEqualTo(1);
    assertThat(states(root.get("settings"))).containsExactly("in_sync", "unknown");
    assertThat(root.get("settings").get(1).get("error").get("innerCode").asString()).isEqualTo("throttledUpstream");
  }

  private static List<String> states(JsonNode settings) {
    List<String> out = new java.util.ArrayList<>();
    settings.forEach(s -> out.add(s.get("status").asString()));
    return out;
  }

  @Test
  void markdown() throws Exception {
    String md = new PlanMarkdownRenderer("check").render(mixed(), "the sandbox tenant");
    String changes = md.substring(md.indexOf("### Changes (7)"), md.indexOf("### ✅ In sync (3)"));
    String failures = md.substring(md.indexOf("### ❌ Could not be read (1)"), md.indexOf("### Changes"));
    assertThat(md).contains("**7 of 11 settings differ**", "**1 setting could not be read.**");
    assertThat(failures).contains("| `people.itemInsights` | 503 | `serviceNotAvailable` |");
    assertThat(changes).doesNotContain("people.itemInsights").contains("<code>people.pronouns</code>");

    String onlyUnknown = new PlanMarkdownRenderer("check").render(unknownOnly(), "the sandbox tenant");
    assertThat(onlyUnknown)
        .contains("✅ **No drift** in the 1 setting that could be read.")
        .contains("| 0 | 0 | 0 | 1 | 1 | 0 |")
        .contains("| `people.itemInsights` | 503 | `serviceNotAvailable/throttledUpstream` | `req-9` | down |")
        .doesNotContain("### Changes", "differ**");
  }

  @Test
  void junit() throws Exception {
    Document doc = CheckJUnitReportTest.parse(CheckJUnitReport.write(mixed(), "the sandbox tenant"));
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("11");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("7");
    assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");

    Document unknown = CheckJUnitReportTest.parse(CheckJUnitReport.write(unknownOnly(), "the sandbox tenant"));
    assertThat(unknown.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(unknown.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    assertThat(unknown.getElementsByTagName("failure").getLength()).isZero();
  }
}
