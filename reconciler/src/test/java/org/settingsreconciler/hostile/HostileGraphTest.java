package org.settingsreconciler.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.settingsreconciler.hostile.HostileTenant.ENHANCED;
import static org.settingsreconciler.hostile.HostileTenant.INTERESTS;
import static org.settingsreconciler.hostile.HostileTenant.PRONOUNS;
import static org.settingsreconciler.hostile.HostileTenant.PROPERTY_SETTINGS;
import static org.settingsreconciler.hostile.HostileTenant.WEBSEARCH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.hostile.HostileCli.Run;
import tools.jackson.databind.JsonNode;

/**
 * The tool against a Graph that misbehaves on purpose ({@link HostileGraph}). Every trick of {@link Tricks} is aimed
 * at a read in plan, check, export, apply and apply --plan, and (where it means something for a write) at the PATCH
 * of people.pronouns in apply and apply --plan; batched (the default, $batch) and with one request per round trip
 * ({@code --batch-size 1}): {@link #cases()} makes 298 of them, one test each.
 *
 * <p>Each case checks invariants, not wording. Every run: exit 0, 1 or 2; no stack trace or exception class name; the
 * token never printed; done within a bounded time; no request before a Retry-After the server gave; no write to a
 * path with a dot segment. A read the trick spoils: exit 1 (never 2), the setting named as not read, no drift
 * claimed for it, nothing written. A trick that does no harm (or was never met): the run ends as against an honest
 * Graph. A write: sent once (unless Graph said it did not do it), reported applied only if the server carried it
 * out, reported failed only if Graph clearly refused it, and exit 0 only when every change is applied.
 */
class HostileGraphTest {

  /** The read a trick is aimed at, and how the tool names what it reads there. */
  record Target(String path, String address) {
    @Override
    public String toString() {
      return address;
    }
  }

  static final Target PRONOUNS_READ = new Target(PRONOUNS, "people.pronouns");
  static final Target ENHANCED_READ = new Target(ENHANCED, "copilot.enhancedPersonalization");
  static final Target WEBSEARCH_READ =
      new Target(WEBSEARCH, "copilot.policySettings[\"microsoft.copilot.allowwebsearch\"]");
  static final Target SETTINGS_READ = new Target(PROPERTY_SETTINGS, "people.profilePropertySettings");
  static final Target INTERESTS_READ = new Target(INTERESTS, "users[\"adele@contoso.com\"].interests");

  enum Command {
    PLAN("plan"), CHECK("check"), EXPORT("export"), APPLY("apply"), APPLY_SAVED("apply --plan");

    final String line;

    Command(String line) {
      this.line = line;
    }
  }

  /** One case: a trick aimed at a read (a target) or at the write (target null), in one command. */
  record Case(Trick trick, Target read, Command command, boolean batched) {
    @Override
    public String toString() {
      return command.line + (batched ? "" : " --batch-size 1") + " | " + (read == null ? "PATCH people.pronouns"
          : "GET " + read) + " | " + trick;
    }
  }

  /** The tricks aimed at reads, each at the read it means something for. */
  static List<Object[]> readTricks() {
    List<Object[]> out = new ArrayList<>();
    for (Trick t : List.of(Tricks.EMPTY_OBJECT, Tricks.VALUE_NULL, Tricks.VALUE_EMPTY_LIST, Tricks.EMPTY_BODY,
        Tricks.ARRAY_FOR_OBJECT, Tricks.STRING_FOR_BOOLEAN, Tricks.OBJECT_FOR_BOOLEAN, Tricks.GARBAGE_200,
        Tricks.HTML_200, Tricks.JSON_AS_TEXT, Tricks.HTML_502, Tricks.RETRY_AFTER_DATE, Tricks.RETRY_AFTER_DATE_FAR,
        Tricks.TRUNCATED, Tricks.RESET_MID_BODY, Tricks.CLOSED_MID_BODY, Tricks.NO_ANSWER, Tricks.NOT_HTTP,
        Tricks.SLOW_HEADERS, Tricks.HUGE_BODY, Tricks.DUPLICATE_ID, Tricks.MISSING_ID, Tricks.EXTRA_ID,
        Tricks.STRING_STATUS, Tricks.INFORMATIONAL_STATUS, Tricks.NOT_OBJECT_RESPONSE, Tricks.NUMBER_ITEM_ID)) {
      out.add(new Object[] {t, PRONOUNS_READ});
    }
    out.add(new Object[] {Tricks.EMPTY_OBJECT, ENHANCED_READ});
    out.add(new Object[] {Tricks.WRAPPED_EMPTY, ENHANCED_READ});
    out.add(new Object[] {Tricks.VALUE_NULL, WEBSEARCH_READ});
    out.add(new Object[] {Tricks.NUMBER_FOR_STRING, WEBSEARCH_READ});
    out.add(new Object[] {Tricks.ANOTHER_ID, WEBSEARCH_READ});
    for (Trick t : List.of(Tricks.NOT_OBJECT_ITEMS, Tricks.ITEM_WITHOUT_ID, Tricks.NUMBER_ID, Tricks.OBJECT_NAME,
        Tricks.DOT_DOT_ID)) {
      out.add(new Object[] {t, SETTINGS_READ});
    }
    out.add(new Object[] {Tricks.OBJECT_NEXT_LINK, INTERESTS_READ});
    out.add(new Object[] {Tricks.CLIMBING_NEXT_LINK, INTERESTS_READ});
    out.add(new Object[] {Tricks.LOOPING_NEXT_LINK, INTERESTS_READ});
    return out;
  }

  /** The tricks aimed at the PATCH of people.pronouns. */
  static List<Trick> writeTricks() {
    return List.of(Tricks.EMPTY_OBJECT, Tricks.EMPTY_BODY, Tricks.ARRAY_FOR_OBJECT, Tricks.GARBAGE_200,
        Tricks.GARBAGE_200_NOT_DONE, Tricks.HTML_200, Tricks.JSON_AS_TEXT, Tricks.HTML_502, Tricks.RETRY_AFTER_DATE,
        Tricks.RETRY_AFTER_DATE_FAR, Tricks.TRUNCATED, Tricks.RESET_MID_BODY, Tricks.CLOSED_MID_BODY,
        Tricks.NO_ANSWER, Tricks.NOT_HTTP, Tricks.SLOW_HEADERS, Tricks.HUGE_BODY, Tricks.DUPLICATE_ID,
        Tricks.MISSING_ID, Tricks.EXTRA_ID, Tricks.STRING_STATUS, Tricks.INFORMATIONAL_STATUS,
        Tricks.NOT_OBJECT_RESPONSE, Tricks.NUMBER_ITEM_ID);
  }

  /**
   * Reads: every command batched, and plan one request at a time too (a batch-only trick has no lone form). Writes:
   * apply batched and alone, apply --plan batched.
   */
  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    for (Object[] r : readTricks()) {
      Trick t = (Trick) r[0];
      Target target = (Target) r[1];
      for (Command c : Command.values()) {
        all.add(new Case(t, target, c, true));
      }
      if (!t.batchOnly()) {
        all.add(new Case(t, target, Command.PLAN, false));
      }
    }
    for (Trick t : writeTricks()) {
      all.add(new Case(t, null, Command.APPLY, true));
      if (!t.batchOnly()) {
        all.add(new Case(t, null, Command.APPLY, false));
      }
      all.add(new Case(t, null, Command.APPLY_SAVED, true));
    }
    return all;
  }

  private static HostileGraph graph;
  private static HostileCli cli;
  private static Path savedPlan;

  @TempDir Path dir;

  /** One server for the class; the plan that apply --plan applies is made once against its honest tenant. */
  @BeforeAll
  static void start(@TempDir Path planDir) throws IOException {
    graph = new HostileGraph();
    cli = new HostileCli(graph);
    savedPlan = planDir.resolve("plan.json");
    Run plan = cli.run(false, true, "plan", HostileCli.desired(planDir).toString(), "--out", savedPlan.toString());
    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(graph.writesSent()).isEmpty();
  }

  @AfterAll
  static void stop() {
    graph.close();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void theToolNeverTakesABadAnswerForData(Case c) throws IOException {
    graph.reset();
    Path desired = HostileCli.desired(dir);
    if (c.read() != null) {
      graph.arm(c.trick(), "GET", c.read().path());
    } else {
      graph.arm(c.trick(), "PATCH", PRONOUNS);
    }
    Path report = dir.resolve("report.json");
    Run r = assertTimeoutPreemptively(Duration.ofSeconds(40), () -> switch (c.command()) {
      case PLAN -> cli.run(c.trick().slow(), c.batched(), "plan", desired.toString(), "--detailed-exitcode");
      case CHECK -> cli.run(c.trick().slow(), c.batched(), "check", desired.toString());
      case EXPORT -> cli.run(c.trick().slow(), c.batched(), "export", "--all-users");
      case APPLY -> cli.run(c.trick().slow(), c.batched(), "apply", desired.toString(), "--auto-approve",
          "--verify-wait", "0.1", "--report", report.toString());
      case APPLY_SAVED -> cli.run(c.trick().slow(), c.batched(), "apply", "--plan", savedPlan.toString(),
          "--auto-approve", "--verify-wait", "0.1", "--report", report.toString());
    }, () -> "the run must end: " + c);

    assertThat(r.exit()).as(r.toString()).isBetween(0, 2);
    assertThat(graph.earlyRetries()).as("requests before the Retry-After the server gave\n%s", r).isZero();
    assertThat(graph.sent()).as("every request carries the token, and no path leaves its collection")
        .allSatisfy(s -> {
          assertThat(s.authorization()).isEqualTo("Bearer " + HostileCli.TOKEN);
          assertThat(s.path()).doesNotContainPattern("/\\.\\.?(/|$|\\?)");
        });
    if (c.read() != null) {
      read(c, r);
    } else {
      assertThat(graph.strikes()).as("the trick met the write").isPositive();
      write(c, r, HostileTenant.JSON.readTree(Files.readString(report)));
    }
  }

  private static void read(Case c, Run r) {
    boolean spoiled = graph.strikes() > 0 && c.trick().read() == Trick.Read.UNREADABLE;
    assertThat(graph.writesSent().isEmpty() || !spoiled).as("nothing is written after a read failed\n%s", r).isTrue();
    if (!spoiled) {
      assertThat(r.exit()).as("an honest run\n%s", r).isEqualTo(c.command() == Command.PLAN
          || c.command() == Command.CHECK ? 2 : 0);
      if (c.command() == Command.APPLY || c.command() == Command.APPLY_SAVED) {
        assertThat(graph.tenant().carriedOut()).as(r.toString()).hasSize(4);
      }
      return;
    }
    String address = c.read().address();
    assertThat(r.exit()).as("a read that failed is an error, never drift\n%s", r).isEqualTo(1);
    assertThat(r.out() + r.err()).as(r.toString()).containsPattern(
        "(?s)" + java.util.regex.Pattern.quote(address) + "[^\\n]*(could not be read|cannot be read)");
    assertThat(r.out()).as("no drift is made up for what could not be read\n%s", r)
        .doesNotContain("~ " + address).doesNotContain("+ " + address);
  }

  private static void write(Case c, Run r, JsonNode report) {
    List<String> done = graph.tenant().carriedOut();
    boolean allApplied = true;
    String pronouns = null;
    for (JsonNode change : report.get("changes")) {
      String status = change.get("status").asString();
      // The hostile Graph is a root pinned to beta, and records paths relative to it.
      String path = change.get("path").asString();
      assertThat(path).startsWith("/beta/");
      String write = change.get("method").asString() + " " + path.substring("/beta".length());
      if (status.startsWith("applied")) {
        assertThat(done).as("reported %s, so the server must have carried out %s\n%s", status, write, r)
            .contains(write);
      }
      allApplied &= status.equals("applied");
      if (change.get("address").asString().equals("people.pronouns")) {
        pronouns = status;
      }
    }
    assertThat(r.exit()).as("exit 0 exactly when every change is applied\n%s", r).isEqualTo(allApplied ? 0 : 1);
    boolean carriedOut = done.contains("PATCH " + PRONOUNS);
    long sends = graph.writesSent().stream().filter(s -> s.path().equals(PRONOUNS)).count();
    switch (c.trick().write()) {
      case REFUSED -> {
        assertThat(pronouns).as(r.toString()).isEqualTo("failed");
        assertThat(carriedOut).isFalse();
      }
      case ACCEPTED -> assertThat(pronouns).as(r.toString()).isEqualTo("applied");
      case UNKNOWN -> {
        assertThat(sends).as("a write whose fate is unknown is never sent again\n%s", r).isEqualTo(1);
        assertThat(pronouns).as("judged by reading the tenant back, not by the answer\n%s", r)
            .isEqualTo(carriedOut ? "applied" : "maybe_applied");
      }
    }
  }
}
