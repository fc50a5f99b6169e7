package org.settingsreconciler.render;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Duplicate;
import org.settingsreconciler.plan.PendingCreate;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.SettingStatus;
import org.settingsreconciler.plan.SettingStatus.State;
import org.settingsreconciler.resource.defs.AddressParser;

/**
 * A check as a JUnit XML report, so CI systems show drift like failing tests: one test case per managed setting
 * (class name: its resource type; name: its address). A drifted setting fails with its property changes as text, a
 * setting that could not be read is an error with Graph's code and request-id (never a failure: it is not drift),
 * a setting in sync passes. Written with the JDK's StAX writer, which escapes markup; characters XML 1.0 cannot
 * hold at all are replaced.
 */
public final class CheckJUnitReport {

  public static final String SUITE = "settings-reconciler check";

  private CheckJUnitReport() {}

  public static String write(Plan plan, String origin) {
    List<SettingStatus> statuses = plan.statuses();
    long duplicateDrift = plan.duplicates().stream().filter(Duplicate::drift).count();
    int warnings = plan.duplicates().size() + plan.pending().size();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", SUITE);
      xml.writeAttribute("tests", String.valueOf(statuses.size() + warnings));
      xml.writeAttribute("failures", String.valueOf(count(statuses, State.DRIFTED) + duplicateDrift));
      xml.writeAttribute("errors", String.valueOf(count(statuses, State.UNKNOWN)));
      xml.writeAttribute("skipped", "0");
      xml.writeCharacters("\n  ");
      xml.writeStartElement("properties");
      xml.writeEmptyElement("property");
      xml.writeAttribute("name", "origin");
      xml.writeAttribute("value", clean(origin));
      xml.writeEndElement();
      for (SettingStatus s : statuses) {
        xml.writeCharacters("\n  ");
        testCase(xml, s);
      }
      for (Duplicate d : plan.duplicates()) {
        xml.writeCharacters("\n  ");
        warningCase(xml, d.item().descriptor().type(), d.address() + " (duplicate)", d.drift() ? "duplicate" : null,
            d.address() + " " + d.problem(), d.advice());
      }
      for (PendingCreate p : plan.pending()) {
        xml.writeCharacters("\n  ");
        warningCase(xml, p.change().resource().descriptor().type(), p.address() + " (created, not yet visible)",
            null, p.address() + " " + p.problem(), p.advice());
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the JUnit report", e);
    }
    return out.toString();
  }

  private static void testCase(XMLStreamWriter xml, SettingStatus s) throws XMLStreamException {
    String type = AddressParser.typeOf(s.address()).type();
    if (s.state() == State.IN_SYNC) {
      xml.writeEmptyElement("testcase");
      attributes(xml, type, s.address());
      return;
    }
    xml.writeStartElement("testcase");
    attributes(xml, type, s.address());
    if (s.state() == State.DRIFTED) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", "drifted");
      xml.writeAttribute("type", "drift");
      xml.writeCharacters(clean(changesText(s.changes())));
    } else {
      GraphError e = s.error();
      xml.writeStartElement("error");
      xml.writeAttribute("message", clean("could not be read: " + (e == null ? "no answer" : e.describe())));
      xml.writeAttribute("type", clean(e == null || e.code() == null ? "readFailed" : e.code()));
      xml.writeCharacters(clean(errorText(e)));
    }
    xml.writeEndElement();
    xml.writeEndElement();
  }

  /**
   * A duplicate or a held-back create: a failure of type {@code failureType} where it is drift, else a passing case
   * that says what it is in its output, so the report hides nothing the text plan shows.
   */
  private static void warningCase(XMLStreamWriter xml, String type, String name, String failureType, String problem,
      String advice) throws XMLStreamException {
    xml.writeStartElement("testcase");
    attributes(xml, type, name);
    if (failureType != null) {
      xml.writeStartElement("failure");
      xml.writeAttribute("message", clean(problem));
      xml.writeAttribute("type", failureType);
    } else {
      xml.writeStartElement("system-out");
    }
    xml.writeCharacters(clean("\n" + problem + "\n" + advice + ".\n"));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void attributes(XMLStreamWriter xml, String type, String address) throws XMLStreamException {
    xml.writeAttribute("classname", clean(type));
    xml.writeAttribute("name", clean(address));
  }

  /** The drifted setting's changes as the text plan shows them. */
  private static String changesText(List<Change> changes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream text = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PlanTextRenderer renderer = new PlanTextRenderer(text);
    changes.forEach(renderer::renderChange);
    return "\n" + bytes.toString(StandardCharsets.UTF_8).stripTrailing() + "\n";
  }

  private static String errorText(GraphError e) {
    String unknown = "Its state is unknown: this is an error, not drift.\n";
    if (e == null) {
      return "\nNo answer. " + unknown;
    }
    String message = GraphErrorText.message(e);
    return "\nHTTP status: " + (e.status() == 0 ? "no response" : e.status())
        + "\ncode: " + e.code()
        + (e.innerCode() == null ? "" : "\ninnerCode: " + e.innerCode())
        + "\nrequest-id: " + e.requestId()
        + (e.clientRequestId() == null ? "" : "\nclient-request-id: " + e.clientRequestId())
        + "\nmessage: " + message
        + "\n" + unknown;
  }

  private static long count(List<SettingStatus> statuses, State state) {
    return statuses.stream().filter(s -> s.state() == state).count();
  }

  /** Replaces what XML 1.0 forbids even escaped (most control characters, lone surrogates). */
  static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD)) {
        b.append(c);
      } else {
        b.append('\uFFFD');
      }
    }
    return b.toString();
  }
}
