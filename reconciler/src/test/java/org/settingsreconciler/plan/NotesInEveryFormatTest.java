package org.settingsreconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.RetryPolicy;
import org.settingsreconciler.graph.Sleeper;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.render.PlanFixtures;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.state.StateReader;
import tools.jackson.databind.JsonNode;

/**
 * A note or warning shown in one plan format is shown in all three: the text plan (terminals, CI logs), Markdown
 * (pull requests) and JSON (pipelines). For every golden case (src/test/resources/plans/ and render/), the notes are
 * read back out of each rendered format and must be the same set, and the set the plan itself holds.
 */
class NotesInEveryFormatTest {

  static Stream<Arguments> cases() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (String name : GoldenCase.names()) {
      out.add(Arguments.of("plans/" + name, planOf(GoldenCase.named(name))));
    }
    try (Stream<Path> dirs = Files.list(PlanFixtures.ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String name = dir.getFileName().toString();
        out.add(Arguments.of("render/" + name, PlanFixtures.plan(name)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyFormatShowsTheNotesThePlanHolds(String name, Plan plan) {
    TreeSet<String> held = held(plan);

    assertThat(fromText(GoldenCase.text(plan))).as("notes in the text plan").isEqualTo(held);
    assertThat(fromMarkdown(GoldenCase.markdown(plan))).as("notes in the Markdown plan").isEqualTo(held);
    assertThat(fromJson(PlanJson.write(plan))).as("notes in the JSON plan").isEqualTo(held);
  }

  /** Not vacuous: the case that changes a list Graph rewrites has its note, with the list the tenant ends with. */
  @Test
  void theSourcePrecedenceChangeCarriesItsNoteAndTheListAfterApply() throws IOException {
    Plan plan = planOf(GoldenCase.named("profile-property-settings"));

    assertThat(held(plan)).containsExactly(
        "people.profilePropertySettings[\"sourcePrecedence\"] | prioritizedSourceUrls | Graph appends the Entra ID "
            + "source to a list that lacks it | [\"https://graph.microsoft.com/beta/admin/people/profileSources"
            + "(sourceId='contosohr1')\",\"https://graph.microsoft.com/beta/admin/people/profileSources"
            + "(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')\"]");
  }

  private static Plan planOf(GoldenCase golden) throws IOException {
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, golden.current())) {
      GraphClient client =
          new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of("t"), RetryPolicy.NONE, Sleeper.REAL);
      return new Planner(new StateReader(client)).plan(golden.desired());
    }
  }

  /** What the plan holds, one line per note: address | property | text | after apply (or "-"). */
  static TreeSet<String> held(Plan plan) {
    TreeSet<String> out = new TreeSet<>();
    for (Change c : plan.changes()) {
      for (Note n : c.notes()) {
        out.add(line(c.address(), n.property(), n.text(), n.afterApply() == null ? null : n.afterApply().toString()));
      }
    }
    return out;
  }

  private static String line(String address, String property, String text, String afterApply) {
    return address + " | " + property + " | " + text + " | " + (afterApply == null ? "-" : afterApply);
  }

  private static final Pattern TEXT_CHANGE = Pattern.compile("^  [+~-] (.+) will be (created|updated|deleted).*$");
  private static final Pattern TEXT_PROPERTY = Pattern.compile("^      [+~] ([A-Za-z0-9_.]+):.*$");
  private static final Pattern TEXT_NOTE = Pattern.compile("^ {10}note: (.*?)(?:; after apply: (.*))?$");

  static TreeSet<String> fromText(String text) {
    TreeSet<String> out = new TreeSet<>();
    String address = null;
    String property = null;
    for (String l : text.split("\n")) {
      Matcher m;
      if ((m = TEXT_CHANGE.matcher(l)).matches()) {
        address = m.group(1);
        property = null;
      } else if ((m = TEXT_PROPERTY.matcher(l)).matches()) {
        property = m.group(1);
      } else if ((m = TEXT_NOTE.matcher(l)).matches()) {
        out.add(line(address, property, m.group(1), m.group(2)));
      }
    }
    return out;
  }

  private static final Pattern MD_SUMMARY = Pattern.compile("^<summary>.*?<code>(.+?)</code>.*</summary>$");
  private static final Pattern MD_NOTE =
      Pattern.compile("^ℹ️ Note on `(.+?)`: (.*?)(?:; after apply: `(.*)`)?$");

  static TreeSet<String> fromMarkdown(String markdown) {
    TreeSet<String> out = new TreeSet<>();
    String address = null;
    for (String l : markdown.split("\n")) {
      Matcher m;
      if ((m = MD_SUMMARY.matcher(l)).matches()) {
        address = unescape(m.group(1));
      } else if ((m = MD_NOTE.matcher(l)).matches()) {
        out.add(line(address, m.group(1), unescape(m.group(2)), m.group(3)));
      }
    }
    return out;
  }

  static TreeSet<String> fromJson(JsonNode plan) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode c : plan.get("changes")) {
      for (JsonNode n : c.path("notes")) {
        JsonNode after = n.get("afterApply");
        out.add(line(c.get("address").asString(), n.get("property").asString(), n.get("text").asString(),
            after == null ? null : after.toString()));
      }
    }
    return out;
  }

  /** Undoes MarkdownText's character references. */
  private static String unescape(String s) {
    Matcher m = Pattern.compile("&#(\\d+);").matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
    }
    m.appendTail(b);
    return b.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
