package org.settingsreconciler.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.e2e.WireHarness.ADELE;
import static org.settingsreconciler.e2e.WireHarness.INTERESTS;
import static org.settingsreconciler.e2e.WireHarness.ROOT;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.MutableClock;
import org.settingsreconciler.e2e.WireHarness.Run;
import tools.jackson.databind.JsonNode;

/**
 * POST is not idempotent, and Graph shows new items late: the defects this guards against are an apply right after
 * one that reported "applied, not yet visible" POSTing the same interests again (6 of 6), and two applies at once
 * POSTing every interest twice (40 of 40). Here the tenant's list never shows what was created (or shows it only
 * from the second read on), and every test counts the POSTs exactly. The ledger of recent creates lives in a config
 * directory of the test's own, and its time is a clock the test moves.
 */
class RecentCreatesWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private final MutableClock clock = new MutableClock();
  private Map<String, String> env;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
    env = Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
    wm.stubFor(post(urlEqualTo(ROOT + INTERESTS)).willReturn(okJson("{\"id\":\"new\"}").withStatus(201)));
  }

  private static String interests(int count) {
    StringBuilder yaml = new StringBuilder("users:\n  " + ADELE + ":\n    interests:\n");
    IntStream.rangeClosed(1, count).forEach(i -> yaml.append("      Interest ").append(i).append(": {}\n"));
    return yaml.toString();
  }

  private long posts() {
    return h.requests().stream()
        .filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().equals(ROOT + INTERESTS)).count();
  }

  private Run apply(Path desired, String... more) {
    return h.graph(env, clock, Stream.concat(Stream.of("apply", desired.toString(), "--auto-approve",
        "--verify-wait", "0"), Stream.of(more)).toArray(String[]::new));
  }

  @Test
  void aRunRightAfterOneWhoseCreatesDoNotShowYetCreatesNothingAgainUntilTheWindowEnds() throws Exception {
    h.list(INTERESTS); // Graph never lists what was created, for as long as this test runs
    Path desired = h.yaml("desired.yaml", interests(6));

    Run first = apply(desired);

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(posts()).isEqualTo(6);
    assertThat(first.out()).contains("Apply complete: 0 applied, 6 applied but not yet visible, 0 failed.")
        .contains("Note: 6 creates not yet seen in the tenant are recorded in " + dir.resolve("config")
            .resolve("settings-reconciler"))
        .contains("for 15 min, plan and apply do not send them again (--recreate-pending does)");
    Path ledger = only(dir.resolve("config").resolve("settings-reconciler"), "recent-creates-.*\\.json");
    if (Files.getFileStore(ledger).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger))).isEqualTo("rw-------");
    }

    clock.advance(Duration.ofMinutes(3));
    Run plan = h.graph(env, clock, "plan", desired.toString(), "--detailed-exitcode");
    Run json = h.graph(env, clock, "plan", desired.toString(), "--format", "json");
    Run second = apply(desired);

    assertThat(plan.exit()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("  * users[\"" + ADELE + "\"].interests[\"Interest 1\"] created 3 min ago, not yet visible; not "
            + "created again\n      if it still does not show in 12 min, a plan then creates it again; apply "
            + "--recreate-pending creates it now.")
        .contains("Plan: 0 to create, 0 to update, 0 to delete, 0 unchanged.\n6 creates are not sent again")
        .doesNotContain("No changes");
    JsonNode held = json.json().get("pending");
    assertThat(held).hasSize(6);
    assertThat(held.get(0).get("sentSecondsAgo").asInt()).isEqualTo(180);
    assertThat(json.json().get("changes")).isEmpty();
    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(posts()).as("POSTs after a second apply within the window").isEqualTo(6);

    clock.advance(Duration.ofMinutes(13)); // 16 min after the first POSTs: the window has ended
    Run afterWindow = apply(desired);

    assertThat(afterWindow.exit()).as(afterWindow.toString()).isZero();
    assertThat(posts()).as("a create that never showed is made again after the window").isEqualTo(12);

    clock.advance(Duration.ofMinutes(1));
    Run forced = apply(desired, "--recreate-pending");

    assertThat(forced.exit()).as(forced.toString()).isZero();
    assertThat(posts()).as("--recreate-pending sends them within the window").isEqualTo(18);
  }

  @Test
  void anItemThatShowsOnlyFromTheThirdReadAfterItsPostIsCreatedOnceAndThenInSync() {
    // Graph lists the new interest only from the third list read after the POST: the read-back and the next plan
    // do not see it, the plan after that does.
    String scenario = "shows late";
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario(scenario)
        .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(post(urlEqualTo(ROOT + INTERESTS)).inScenario(scenario).willSetStateTo("hidden 1")
        .willReturn(okJson("{\"id\":\"c-1\"}").withStatus(201)));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario(scenario).whenScenarioStateIs("hidden 1")
        .willSetStateTo("hidden 2").willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario(scenario).whenScenarioStateIs("hidden 2")
        .willSetStateTo("shown").willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario(scenario).whenScenarioStateIs("shown")
        .willReturn(okJson("{\"value\":[{\"id\":\"c-1\",\"displayName\":\"Chess\"}]}")));
    Path desired = h.yaml("desired.yaml", "users:\n  " + ADELE + ":\n    interests:\n      Chess: {}\n");

    Run first = apply(desired);
    clock.advance(Duration.ofMinutes(1));
    Run second = apply(desired);
    clock.advance(Duration.ofMinutes(1));
    Run third = h.graph(env, clock, "plan", desired.toString());

    assertThat(first.out()).as(first.toString()).contains("applied, not yet visible");
    assertThat(second.out()).as(second.toString())
        .contains("* users[\"" + ADELE + "\"].interests[\"Chess\"] created 1 min ago, not yet visible; not created "
            + "again");
    assertThat(third.out()).as(third.toString()).contains("No changes.");
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void twoAppliesAtOnceCreateEveryItemOnce() throws Exception {
    // Both plans read an empty list (each read held back a little, so the runs overlap), and Graph never lists
    // what was created: only the ledger, claimed under a lock right before the POSTs, keeps the second from
    // POSTing the same 40 interests.
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS))
        .willReturn(okJson("{\"value\":[]}").withFixedDelay(200)));
    Path desired = h.yaml("desired.yaml", interests(40));

    CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> apply(desired));
    CompletableFuture<Run> b = CompletableFuture.supplyAsync(() -> apply(desired));
    List<Run> runs = List.of(a.get(), b.get());

    assertThat(runs).allSatisfy(r -> assertThat(r.exit()).as(r.toString()).isZero());
    assertThat(posts()).isEqualTo(40);
    // The other run held every create back: at its plan (the ledger said sent) or right before its POSTs.
    String both = runs.get(0).out() + runs.get(1).out();
    long heldAtPlan = count(both, "^  \\* users.* not created again$");
    long heldBeforePost = count(both, "^  held back +users.*POST .*$");
    assertThat(heldAtPlan + heldBeforePost).as(both).isEqualTo(40);
  }

  @Test
  void aCreateWhoseItemAFreshReadShowsRightBeforeThePostsIsNotSent() {
    // The plan's read shows no Chess; by the time apply is about to POST, another run has made it.
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("made meanwhile")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("made")
        .willReturn(okJson("{\"value\":[]}")));
    wm.stubFor(WireMock.get(urlEqualTo(ROOT + INTERESTS)).inScenario("made meanwhile")
        .whenScenarioStateIs("made")
        .willReturn(okJson("{\"value\":[{\"id\":\"c-1\",\"displayName\":\"chess\"}]}")));
    Path desired = h.yaml("desired.yaml", "users:\n  " + ADELE + ":\n    interests:\n      Chess: {}\n");

    Run r = apply(desired);

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(posts()).isZero();
    assertThat(r.out())
        .contains("+ users[\"" + ADELE + "\"].interests[\"Chess\"] will be created")
        .contains("  already present  users[\"" + ADELE + "\"].interests[\"Chess\"]    POST " + ROOT + INTERESTS + "\n"
            + "                   not created again: a fresh read right before sending shows it (id c-1), made since "
            + "the plan")
        .contains("Apply complete: 0 applied, 1 already present, 0 failed.");
  }

  @Test
  void withoutAConfigDirectoryApplyWarnsThatARunBeforeItShowsCreatesItAgain() {
    h.list(INTERESTS);
    Path desired = h.yaml("desired.yaml", interests(1));

    Run r = h.graph(Map.of(), clock, "apply", desired.toString(), "--auto-approve", "--verify-wait", "0");

    assertThat(r.exit()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Warning: 1 create not yet seen in the tenant is not remembered (there is no config "
        + "directory: set XDG_CONFIG_HOME or HOME; or RECONCILER_PENDING_CREATE_MINUTES is 0): an apply before it "
        + "shows creates it again, as a duplicate.");
  }

  @Test
  void aWindowThatIsNotANumberOfMinutesIsAnErrorBeforeAnythingIsSent() {
    Path desired = h.yaml("desired.yaml", interests(1));

    Run r = h.graph(Map.of("XDG_CONFIG_HOME", dir.toString(), "RECONCILER_PENDING_CREATE_MINUTES", "soon"), clock,
        "plan", desired.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("RECONCILER_PENDING_CREATE_MINUTES must be a number of minutes from 0 (off) to "
        + "1440, such as 15, not 'soon'");
    assertThat(h.requests()).isEmpty();
  }

  private static long count(String text, String regex) {
    Pattern p = Pattern.compile(regex);
    return text.lines().filter(l -> p.matcher(l).matches()).count();
  }

  private static Path only(Path dir, String regex) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> matching = files.filter(f -> f.getFileName().toString().matches(regex)).toList();
      assertThat(matching).hasSize(1);
      return matching.get(0);
    }
  }

  @Test
  void aCreateNotShownYetIsNotSentAgainWhenTheYamlSpellsTheUserInAnotherCase() {
    // Graph reads a user principal name ignoring case: both paths list the same interests, none of them yet.
    String upper = "/users/" + ADELE.toUpperCase(Locale.ROOT) + "/profile/interests";
    h.list(INTERESTS);
    h.list(upper);
    wm.stubFor(post(urlEqualTo(ROOT + upper)).willReturn(okJson("{\"id\":\"new\"}").withStatus(201)));

    Run first = apply(h.yaml("desired.yaml", interests(1)));
    clock.advance(Duration.ofMinutes(2));
    Run second = apply(h.yaml("desired.yaml", interests(1).replace(ADELE, ADELE.toUpperCase(Locale.ROOT))));

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(second.exit()).as(second.toString()).isZero();
    long allPosts = h.requests().stream().filter(r -> r.getMethod().getName().equals("POST")
        && (r.getUrl().equals(ROOT + INTERESTS) || r.getUrl().equals(ROOT + upper))).count();
    assertThat(allPosts).as("POSTs of the one interest, whichever way its user is spelt").isEqualTo(1);
    assertThat(second.out()).contains("not yet visible; not created again");
  }
}
