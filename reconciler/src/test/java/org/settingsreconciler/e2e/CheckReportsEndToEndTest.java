package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check --format markdown --report ...} through the real CLI against the in-process sandbox, with the tenant
 * kept in a state file between runs: drift exits 2 with reports that show it, and after apply the same check exits
 * 0 with reports that show none.
 */
class CheckReportsEndToEndTest {

  private static final String EXAMPLES = "../examples/";

  @TempDir Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    CliRunner.Run run = CliRunner.run(Map.of(), args);
    out = run.out();
    err = run.err();
    return run.exit();
  }

  private String[] sandbox(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--sandbox", "--sandbox-state", dir.resolve("tenant.json").toString()));
    return all.toArray(String[]::new);
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static Element testCase(Document doc, String name) {
    NodeList cases = doc.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("name").equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no test case " + name);
  }

  @Test
  void driftShowsInEveryReportAndIsGoneAfterApply() throws Exception {
    assertThat(run(sandbox("apply", EXAMPLES, "--auto-approve"))).as(err).isZero();
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, "people:\n  pronouns:\n    isEnabledInOrganization: false\n");
    assertThat(run(sandbox("apply", other.toString(), "--auto-approve"))).as(err).isZero();

    Path junit = dir.resolve("reports/r.xml");
    Path markdown = dir.resolve("reports/r.md");
    Path json = dir.resolve("reports/r.json");
    String[] check = sandbox("check", EXAMPLES, "--format", "markdown",
        "--report", junit.toString(), "--report", markdown.toString(), "--report", json.toString());
    assertThat(run(check)).as(err).isEqualTo(2);

    assertThat(out).startsWith("## settings-reconciler check\n")
        .contains("🔸 **Drift: 1 of 26 settings differs** from the YAML.")
        .contains("| 0 | 1 | 0 | 25 | 0 | 0 |")
        .contains("<summary>🔄 <b>update</b> <code>people.pronouns</code></summary>")
        .contains("| `isEnabledInOrganization` | `false` | `true` | `../examples/people.yaml:8:30` |");
    assertThat(Files.readString(markdown)).isEqualTo(out);
    assertThat(err).contains("Wrote the report " + junit);

    Document drifted = xml(junit);
    assertThat(drifted.getDocumentElement().getAttribute("tests")).isEqualTo("26");
    assertThat(drifted.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    assertThat(drifted.getDocumentElement().getAttribute("errors")).isEqualTo("0");
    Element pronouns = testCase(drifted, "people.pronouns");
    assertThat(pronouns.getElementsByTagName("failure").item(0).getTextContent())
        .contains("isEnabledInOrganization: false -> true");

    JsonNode report = JsonMapper.builder().build().readTree(Files.readString(json));
    assertThat(report.get("changes")).hasSize(1);
    assertThat(report.get("settings")).hasSize(26);
    if (!System.getProperty("os.name").startsWith("Windows")) {
      for (Path p : List.of(junit, markdown, json)) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
      }
    }

    assertThat(run(sandbox("apply", EXAMPLES, "--auto-approve"))).as(err).isZero();
    assertThat(run(check)).as(err).isZero();
    assertThat(out).contains("✅ **No drift.** The tenant matches the YAML (26 settings checked).");
    Document inSync = xml(junit);
    assertThat(inSync.getDocumentElement().getAttribute("tests")).isEqualTo("26");
    assertThat(inSync.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(inSync.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void aSettingThatCannotBeReadIsAnErrorInTheReportsAndTheReportsAreStillWritten() throws Exception {
    Path yaml = dir.resolve("group-scoped.yaml");
    // The demo tenant sets image generation in a group-level policy, which Graph refuses to read (422).
    Files.writeString(yaml, """
        copilot:
          policySettings:
            microsoft.copilot.imagegeneration:
              value: "1"
        people:
          pronouns:
            isEnabledInOrganization: true
          namePronunciation:
            isEnabledInOrganization: false
        """);
    Path junit = dir.resolve("r.xml");
    Path json = dir.resolve("r.json");

    assertThat(run(sandbox("check", yaml.toString(), "--report", junit.toString(), "--report", json.toString())))
        .isEqualTo(1);

    Document doc = xml(junit);
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    Element error = (Element) testCase(doc, "copilot.policySettings[\"microsoft.copilot.imagegeneration\"]")
        .getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message")).contains("groupScopedSettingNotSupported").contains("request-id");
    JsonNode settings = JsonMapper.builder().build().readTree(Files.readString(json)).get("settings");
    assertThat(settings.get(0).get("status").asString()).isEqualTo("unknown");
    assertThat(settings.get(0).get("error").get("innerCode").asString()).isEqualTo("groupScopedSettingNotSupported");
    assertThat(settings.get(0).get("error").get("requestId").isString()).isTrue();
    assertThat(settings.get(1).get("status").asString()).isEqualTo("drifted");
    assertThat(settings.get(2).get("status").asString()).isEqualTo("in_sync");
  }

  @Test
  void anUnknownReportExtensionFailsBeforeAnyRequest() {
    Path report = dir.resolve("r.txt");
    // No token and an unreachable Graph: a request would fail differently.
    int code = run("check", EXAMPLES, "--graph-url", "http://127.0.0.1:9/beta", "--report", report.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err).contains("unknown report format").contains(".json").contains(".md").contains(".xml")
        .doesNotContain("could not be read").doesNotContain("token");
    assertThat(report).doesNotExist();
    assertThat(out).isEmpty();
  }

  @Test
  void planPrintsMarkdownToo() {
    assertThat(run(sandbox("plan", EXAMPLES, "--format", "markdown"))).as(err).isZero();
    assertThat(out).startsWith("## settings-reconciler plan\n").contains("### Changes (14)")
        .contains("```diff\n--- before\n+++ after\n");
  }
}
