package org.settingsreconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * (pull requests) and JSON (pipelines). For every golden case (src/test/resources/plans/ and render/), and for one
 * whose creates are held back as sent moments ago, the notes, duplicates and held-back creates are read back out of
 * each rendered format and must be the same set, and the set the plan itself holds.
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
    out.add(Arguments.of("plans/interests with its create held back", heldBack(GoldenCase.named("interests"))));
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

  /**
   * Not vacuous: the case that changes a list Graph rewrites has its note, with the list the tenant ends with (the
   * Entra ID source appended under v1.0, the version the PATCH goes to).
   */
  @Test
  void theSourcePrecedenceChangeCarriesItsNoteAndTheListAfterApply() throws IOException {
    Plan plan = planOf(GoldenCase.named("profile-property-settings"));

    assertThat(held(plan)).containsExactly(
        "people.profilePropertySettings[\"sourcePrecedence\"] | prioritizedSourceUrls | Graph appends the Entra ID "
            + "source to a list that lacks it | [\"https://graph.microsoft.com/beta/admin/people/profileSources"
            + "(sourceId='contosohr1')\",\"https://graph.microsoft.com/v1.0/admin/people/profileSources"
            + "(sourceId='4ce763dd-9214-4eff-af7c-da491cc3782d')\"]");
  }

  /** Not vacuous: duplicates and held-back creates are among what the cases hold. */
  @Test
  void theCasesHoldDuplicatesAndHeldBackCreates() throws Exception {
    List<String> all = cases().flatMap(a -> held((Plan) a.get()[1]).stream()).toList();

    assertThat(all).anyMatch(l -> l.startsWith("duplicate | users[\"adele.vance@contoso.com\"].interests[\"Travel\"] | "
        + "is in the tenant 2 times"));
    assertThat(all).anyMatch(l -> l.startsWith("held back | ") && l.contains("created 4 min ago, not yet visible"));
  }

  private static Plan planOf(GoldenCase golden) throws IOException {
    return planOf(golden, RecentCreates.NONE);
  }

  /** The case planned as if an earlier apply had sent every create 4 minutes ago, with 11 minutes left. */
  private static Plan heldBack(GoldenCase golden) throws IOException {
    return planOf(golden, c -> Optional.of(new PendingCreate(c, Duration.ofMinutes(4), Duration.ofMinutes(11),
        PendingCreate.Kind.ACCEPTED)));
  }

  private static Plan planOf(GoldenCase golden, RecentCreates recent) throws IOException {
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, golden.current())) {
      GraphClient client =
          new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of("t"), RetryPolicy.NONE, Sleeper.REAL);
      return new Planner(new StateReader(client), recent).plan(golden.desired());
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
    plan.duplicates().forEach(d -> out.add(warning("duplicate", d.address(), d.problem(), d.advice())));
    plan.pending().forEach(p -> out.add(warning("held back", p.address(), p.problem(), p.advice())));
    return out;
  }

  private static String warning(String kind, String address, String problem, String advice) {
    return kind + " | " + address + " | " + problem + " | " + advice;
  }

  private static String line(String address, String property, String text, String afterApply) {
    return address + " | " + property + " | " + text + " | " + (afterApply == null ? "-" : afterApply);
  }

  private static final Pattern TEXT_CHANGE = Pattern.compile("^  [+~-] (.+) will be (created|updated|deleted).*$");
  private static final Pattern TEXT_PROPERTY = Pattern.compile("^      [+~] ([A-Za-z0-9_.]+):.*$");
  private static final Pattern TEXT_NOTE = Pattern.compile("^ {10}note: (.*?)(?:; after apply: (.*))?$");
  private static final Pattern TEXT_DUPLICATE = Pattern.compile("^  ! (.+?) (is in the tenant \\d+ times .*)$");
  private static final Pattern TEXT_HELD_BACK =
      Pattern.compile("^  \\* (.+?) ((?:created|sent|being created) .*; not created again)$");
  private static final Pattern TEXT_ADVICE = Pattern.compile("^ {6}(.*)\\.$");

  static TreeSet<String> fromText(String text) {
    TreeSet<String> out = new TreeSet<>();
    String address = null;
    String property = null;
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      Matcher m;
      Matcher advice = TEXT_ADVICE.matcher(i + 1 < lines.length ? lines[i + 1] : "");
      if ((m = TEXT_DUPLICATE.matcher(l)).matches() && advice.matches()) {
        out.add(warning("duplicate", m.group(1), m.group(2), advice.group(1)));
      } else if ((m = TEXT_HELD_BACK.matcher(l)).matches() && advice.matches()) {
        out.add(warning("held back", m.group(1), m.group(2), advice.group(1)));
      } else if ((m = TEXT_CHANGE.matcher(l)).matches()) {
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
  private static final Pattern MD_WARNING = Pattern.compile("^- `(.+?)` (.*) — (.*)\\.$");

  static TreeSet<String> fromMarkdown(String markdown) {
    TreeSet<String> out = new TreeSet<>();
    String address = null;
    String section = "";
    for (String l : markdown.split("\n")) {
      Matcher m;
      if (l.startsWith("### ")) {
        section = l;
      } else if ((m = MD_WARNING.matcher(l)).matches()) {
        String kind = section.contains("more than once") ? "duplicate"
            : section.contains("not yet visible") ? "held back" : "unknown section " + section;
        out.add(warning(kind, m.group(1), unescape(m.group(2)), unescape(m.group(3))));
      } else if ((m = MD_SUMMARY.matcher(l)).matches()) {
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
    for (JsonNode d : plan.path("duplicates")) {
      out.add(warning("duplicate", d.get("address").asString(), d.get("message").asString(),
          d.get("resolution").asString()));
    }
    for (JsonNode p : plan.path("pending")) {
      out.add(warning("held back", p.get("address").asString(), p.get("message").asString(),
          p.get("resolution").asString()));
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
