package org.settingsreconciler.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.ReadFailure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit report is well-formed XML that CI systems count right: drift fails, an unreadable setting errs. */
class CheckJUnitReportTest {

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> testCases(Document doc) {
    NodeList list = doc.getElementsByTagName("testcase");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  static Element testCase(Document doc, String name) {
    return testCases(doc).stream().filter(e -> e.getAttribute("name").equals(name)).findFirst().orElseThrow();
  }

  @Test
  void oneTestCasePerSettingWithFailuresForDriftAndErrorsForWhatCouldNotBeRead() throws Exception {
    Plan plan = PlanFixtures.plan("full");
    Document doc = parse(CheckJUnitReport.write(plan, "the sandbox tenant"));

    Element suite = doc.getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("settings-reconciler check");
    assertThat(suite.getAttribute("tests")).isEqualTo("11");
    assertThat(suite.getAttribute("failures")).isEqualTo("7");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(testCases(doc)).hasSize(11);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(7);
    assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);

    Element pronouns = testCase(doc, "people.pronouns");
    assertThat(pronouns.getAttribute("classname")).isEqualTo("people.pronouns");
    Element failure = (Element) pronouns.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("drifted");
    assertThat(failure.getTextContent())
        .contains("~ isEnabledInOrganization: false -> true    # src/test/resources/render/full/desired.yaml:13:30");

    Element unreadable = testCase(doc, "people.itemInsights");
    assertThat(unreadable.getElementsByTagName("failure").getLength()).isZero();
    Element error = (Element) unreadable.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message"))
        .contains("503 serviceNotAvailable").contains("7f3c9a2e-1b4d-4e8f-9a6b-2c5d8e1f0a3b");
    assertThat(error.getTextContent()).contains("code: serviceNotAvailable")
        .contains("request-id: 7f3c9a2e-1b4d-4e8f-9a6b-2c5d8e1f0a3b").contains("not drift");

    Element inSync = testCase(doc, "people.namePronunciation");
    assertThat(inSync.getChildNodes().getLength()).isZero();
  }

  @Test
  void markupInNamesAndValuesIsEscaped() throws Exception {
    Plan plan = PlanFixtures.plan("full");
    String xml = CheckJUnitReport.write(plan, "the \"sandbox\" <tenant> & co");
    Document doc = parse(xml);

    String address = "users[\"adele@contoso.com\"].interests[\"Chess <i>club</i> | `x`\"]";
    Element chess = testCase(doc, address);
    assertThat(chess.getAttribute("classname")).isEqualTo("users.interests");
    assertThat(chess.getElementsByTagName("failure").item(0).getTextContent())
        .contains("\"Pipes | <b>tags</b> & `ticks`");
    assertThat(chess.getElementsByTagName("i").getLength()).isZero();
    assertThat(((Element) doc.getElementsByTagName("property").item(0)).getAttribute("value"))
        .isEqualTo("the \"sandbox\" <tenant> & co");
  }

  @Test
  void charactersXmlCannotHoldAreReplacedAndTheRestEscaped() throws Exception {
    GraphError error = new GraphError(400, "bad<&\"code", null, "bell \u0007 and <&\"> \uD83D\uDE00", "r-1", null);
    Plan plan = new Plan(List.of(), List.of(new ReadFailure("people.pronouns", error)), List.of());

    Document doc = parse(CheckJUnitReport.write(plan, "the sandbox tenant"));

    Element e = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(e.getAttribute("type")).isEqualTo("bad<&\"code");
    assertThat(e.getAttribute("message")).contains("bell \uFFFD and <&\"> \uD83D\uDE00").contains("r-1");
    assertThat(e.getTextContent()).contains("message: bell \uFFFD and <&\"> \uD83D\uDE00");
    assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
  }
}
