package org.settingsreconciler.faults;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.faults.MatrixTenant.PRONOUNS;
import static org.settingsreconciler.faults.MatrixTenant.PRONUNCIATION;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.faults.FaultMatrixTest.Case.Side;
import org.settingsreconciler.faults.MatrixTenant.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault matrix: every fault of {@link FaultRow}, aimed at a read and at a write, in every command where that
 * happens. Reads happen in all five commands; writes only in {@code apply} and {@code apply --plan}. A write fault
 * in plan, check or export is not applicable: they never write, which the read cases check (no write is ever sent).
 *
 * <p>The read is the GET of {@code people.pronouns}, the write its PATCH; {@code people.namePronunciation} changes
 * too, as a bystander. Every case checks that the run ends with the right exit code, a message naming the setting,
 * the error (status and code, or what went wrong on the wire) and Graph's request-id (or the client-request-id
 * sent, when nothing came back), no stack trace, no drift made up from a failed read, no write after a failed
 * read, an ambiguous write never sent twice, no retry before Graph's Retry-After; and for every failed write, that
 * the next apply finishes the job.
 */
class FaultMatrixTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static WireMockServer wire;

  @TempDir Path dir;

  /** One case: a fault, aimed at a read or a write, in one command. */
  record Case(FaultRow fault, Side side, Command command) {
    enum Side { READ, WRITE }

    @Override
    public String toString() {
      return command.line + " | " + side.name().toLowerCase() + " | " + fault;
    }
  }

  /** The commands, as run. */
  enum Command {
    PLAN("plan", false),
    APPLY("apply", true),
    APPLY_SAVED("apply --plan", true),
    CHECK("check", false),
    EXPORT("export", false);

    final String line;
    final boolean writes;

    Command(String line, boolean writes) {
      this.line = line;
      this.writes = writes;
    }
  }

  static List<Case> cases() {
    List<Case> all = new ArrayList<>();
    for (FaultRow f : FaultRow.values()) {
      for (Command c : Command.values()) {
        all.add(new Case(f, Side.READ, c));
        if (c.writes) {
          all.add(new Case(f, Side.WRITE, c));
        }
      }
    }
    return all;
  }

  @BeforeAll
  static void startWireMock() {
    wire = new WireMockServer(wireMockConfig().dynamicPort());
    wire.start();
  }

  /**
   * The plan that apply --plan applies, made against the case's own tenant before its fault is armed: a saved plan
   * is bound to the Graph root it was made through, and every case has a server of its own.
   */
  private Path savePlan(MatrixTenant t) {
    Path saved = dir.resolve("plan.json");
    Run p = t.cli("plan", MatrixTenant.desired(dir).toString(), "--out", saved.toString());
    assertThat(p.exit()).as(p.toString()).isZero();
    return saved;
  }

  @AfterAll
  static void stopWireMock() {
    wire.stop();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("cases")
  void everyFaultEndsClearly(Case c) throws IOException {
    try (MatrixTenant t = new MatrixTenant(c.fault(), wire)) {
      Path desired = MatrixTenant.desired(dir);
      if (c.side() == Side.WRITE) {
        write(c, t, desired);
        return;
      }
      switch (c.command()) {
        case PLAN -> plan(c.fault(), t, desired);
        case CHECK -> check(c.fault(), t, desired);
        case EXPORT -> export(c.fault(), t);
        case APPLY, APPLY_SAVED -> applyAfterAFailedRead(c, t, desired);
      }
      assertThat(t.earlyRetries()).as("requests sent again before their Retry-After").isZero();
    }
  }

  // ---- reads ----

  private void plan(FaultRow f, MatrixTenant t, Path desired) {
    t.arm("GET");

    Run r = t.cli("plan", desired.toString(), "--detailed-exitcode");

    if (f.read == FaultRow.Read.RECOVERS) {
      assertThat(r.exit()).as(r.toString()).isEqualTo(2);
      assertThat(r.out()).contains("~ people.pronouns will be updated", "~ people.namePronunciation will be updated");
    } else {
      assertThat(r.exit()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).contains("! people.pronouns could not be read:").doesNotContain("~ people.pronouns");
      assertNamesTheReadError(f, r.out());
      assertBystanderPlannedOrUnread(f, r.out());
    }
    assertThat(t.writesSent()).as("plan never writes").isZero();
  }

  private void check(FaultRow f, MatrixTenant t, Path desired) throws IOException {
    t.arm("GET");
    Path json = dir.resolve("check.json");
    Path junit = dir.resolve("check.xml");

    Run r = t.cli("check", desired.toString(), "--report", json.toString(), "--report", junit.toString());

    JsonNode pronouns = setting(JSON.readTree(Files.readString(json)), "people.pronouns");
    String xml = Files.readString(junit);
    if (f.read == FaultRow.Read.RECOVERS) {
      assertThat(r.exit()).as(r.toString()).isEqualTo(2);
      assertThat(pronouns.get("status").asString()).isEqualTo("drifted");
    } else {
      assertThat(r.exit()).as("a failed read is an error, not drift\n%s", r).isEqualTo(1);
      assertThat(pronouns.get("status").asString()).isEqualTo("unknown");
      assertThat(pronouns.at("/error/message").asString()).contains(f.code);
      assertThat(testcase(xml, "people.pronouns")).contains("<error ").doesNotContain("<failure");
      assertThat(r.out()).contains("! people.pronouns could not be read:");
      assertThat(driftListing(r.out())).doesNotContain("people.pronouns");
      assertNamesTheReadError(f, r.out());
    }
    assertThat(t.writesSent()).as("check never writes").isZero();
  }

  private void export(FaultRow f, MatrixTenant t) throws IOException {
    t.arm("GET");
    Path yaml = dir.resolve("export.yaml");

    Run r = t.cli("export", "--out", yaml.toString());

    String exported = Files.readString(yaml);
    if (f.read == FaultRow.Read.RECOVERS) {
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(exported).contains("  pronouns:\n    isEnabledInOrganization: false");
    } else {
      assertThat(r.exit()).as(r.toString()).isEqualTo(1);
      assertThat(r.err()).contains("error: people.pronouns could not be read: ").contains("The export is incomplete");
      assertThat(exported).as("nothing is made up for a setting that could not be read").doesNotContain("pronouns:");
      assertThat(exported).as("an incomplete export does not promise an empty plan")
          .containsPattern("(?m)^# INCOMPLETE: \\d+ settings? could not be read and (?:is|are) left out: .*people\\.pronouns")
          .doesNotContain("planning this file shows no changes");
      assertNamesTheReadError(f, r.err());
    }
    assertThat(t.writesSent()).as("export never writes").isZero();
  }

  /** apply and apply --plan: a read that fails means nothing at all is written. */
  private void applyAfterAFailedRead(Case c, MatrixTenant t, Path desired) {
    Path savedPlan = c.command() == Command.APPLY_SAVED ? savePlan(t) : null;
    t.arm("GET");

    Run r = c.command() == Command.APPLY
        ? t.cli("apply", desired.toString(), "--auto-approve", "--verify-wait", "0.1")
        : t.cli("apply", "--plan", savedPlan.toString(), "--auto-approve", "--verify-wait", "0.1");

    FaultRow f = c.fault();
    if (f.read == FaultRow.Read.RECOVERS) {
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out()).contains("applied  people.pronouns", "applied  people.namePronunciation");
      assertThat(t.on(PRONOUNS)).isTrue();
      return;
    }
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).containsIgnoringCase("nothing was applied");
    if (c.command() == Command.APPLY_SAVED) {
      assertThat(r.err()).as("a read that failed is not a changed tenant")
          .contains("The tenant could not be read to check the saved plan").doesNotContain("no longer matches");
    }
    assertNamesTheReadError(f, r.out() + r.err());
    assertThat(t.writesSent()).as("no write when a read failed\n%s", r).isZero();
    assertThat(t.on(PRONOUNS)).isFalse();
  }

  private static void assertNamesTheReadError(FaultRow f, String text) {
    String line = lineAbout(text, "people.pronouns");
    assertThat(line).as(text).contains(f.code).containsPattern(f.id.pattern).contains(f.readNote);
  }

  /** The bystander's read goes on unless the fault broke the batch both travelled in. */
  private static void assertBystanderPlannedOrUnread(FaultRow f, String out) {
    if (f.breaksTheRoundTrip()) {
      assertThat(out).containsAnyOf("~ people.namePronunciation will be updated",
          "! people.namePronunciation could not be read:");
    } else {
      assertThat(out).contains("~ people.namePronunciation will be updated");
    }
  }

  // ---- writes ----

  /** apply and apply --plan with the PATCH of pronouns failing; then the next apply must finish the job. */
  private void write(Case c, MatrixTenant t, Path desired) {
    FaultRow f = c.fault();
    Path savedPlan = c.command() == Command.APPLY_SAVED ? savePlan(t) : null;
    t.arm("PATCH");

    Run r = c.command() == Command.APPLY
        ? t.cli("apply", desired.toString(), "--auto-approve", "--verify-wait", "0.1")
        : t.cli("apply", "--plan", savedPlan.toString(), "--auto-approve", "--verify-wait", "0.1");

    assertThat(t.sent("PATCH", PRONOUNS)).as("times the PATCH was sent\n%s", r).isEqualTo(f.writeSends);
    assertThat(t.earlyRetries()).as("requests sent again before their Retry-After").isZero();
    if (f.write == FaultRow.Write.APPLIED) {
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(r.out()).contains("applied  people.pronouns").contains("Apply complete: 2 applied, 0 failed.");
      assertThat(t.on(PRONOUNS)).isTrue();
      return;
    }
    if (f.write == FaultRow.Write.AMBIGUOUS && f.carriesOut()) {
      // The answer was lost but the write happened: the read-back finds it, so the run is complete.
      assertThat(r.exit()).as(r.toString()).isZero();
      assertThat(lineAbout(r.out(), "applied  people.pronouns"))
          .contains("answer was lost, but reading the tenant back shows the change");
      assertThat(t.on(PRONOUNS)).isTrue();
      assertTheNextApplyFinishesTheJob(t, desired);
      return;
    }
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);
    if (f.write == FaultRow.Write.AMBIGUOUS) {
      String maybe = lineAbout(r.out(), "MAYBE APPLIED  people.pronouns");
      assertThat(maybe).as(r.toString()).contains(f.code).containsPattern(f.id.pattern).contains(f.writeNote)
          .contains("may or may not have been applied").contains("plan again");
      assertThat(r.out()).contains("it was most likely not applied");
      assertThat(t.on(PRONOUNS)).as("the fault stopped the request before the tenant").isFalse();
    } else {
      String failed = lineAbout(r.out(), "FAILED   people.pronouns");
      assertThat(failed).as(r.toString()).contains(f.code).containsPattern(f.id.pattern).contains(f.writeNote)
          .doesNotContain("may or may not");
      assertThat(t.on(PRONOUNS)).as("Graph refused it: nothing changed").isFalse();
    }
    if (!f.breaksTheRoundTrip() && !f.timesOut()) {
      assertThat(r.out()).containsPattern("(?m)^  applied +people\\.namePronunciation ");
      assertThat(t.on(PRONUNCIATION)).isTrue();
    }
    assertThat(r.out()).contains("Apply incomplete:");
    assertTheNextApplyFinishesTheJob(t, desired);
  }

  private static void assertTheNextApplyFinishesTheJob(MatrixTenant t, Path desired) {
    t.disarm();
    Run again = t.cli("apply", desired.toString(), "--auto-approve");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out()).doesNotContain("FAILED");
    assertThat(t.on(PRONOUNS)).isTrue();
    assertThat(t.on(PRONUNCIATION)).isTrue();
  }

  // ---- reading what came out ----

  /** The line that names {@code what}, with the one after it (the plan puts the error on the next line). */
  private static String lineAbout(String text, String what) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(what)) {
        return lines[i] + (i + 1 < lines.length ? "\n" + lines[i + 1] : "");
      }
    }
    throw new AssertionError("no line names " + what + " in:\n" + text);
  }

  private static JsonNode setting(JsonNode report, String address) {
    for (JsonNode s : report.get("settings")) {
      if (s.get("address").asString().equals(address)) {
        return s;
      }
    }
    throw new AssertionError("no setting " + address + " in " + report);
  }

  /** The JUnit report's testcase for the setting, up to the next one. */
  private static String testcase(String junit, String address) {
    int start = junit.indexOf("<testcase classname=\"" + address + "\"");
    assertThat(start).as(junit).isNotNegative();
    int next = junit.indexOf("<testcase ", start + 1);
    return junit.substring(start, next < 0 ? junit.length() : next);
  }

  /** What check lists under "Drift:", or nothing. */
  private static String driftListing(String out) {
    int at = out.indexOf("Drift:");
    return at < 0 ? "" : out.substring(at);
  }
}
