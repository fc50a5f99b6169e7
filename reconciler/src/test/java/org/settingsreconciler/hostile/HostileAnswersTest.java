package org.settingsreconciler.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.settingsreconciler.hostile.HostileTenant.CARDS;
import static org.settingsreconciler.hostile.HostileTenant.INTERESTS;
import static org.settingsreconciler.hostile.HostileTenant.PHOTO;
import static org.settingsreconciler.hostile.HostileTenant.PRONOUNS;
import static org.settingsreconciler.hostile.HostileTenant.PROPERTY_SETTINGS;
import static org.settingsreconciler.hostile.HostileTenant.USERS;
import static org.settingsreconciler.hostile.HostileTenant.WEBSEARCH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.hostile.HostileCli.Run;
import org.settingsreconciler.hostile.HostileTenant.Reply;

/**
 * What the hostile Graph found, one defect a test, through the CLI: an answer that is not the resource is "could not
 * be read" for that setting alone (never drift, never a crash), a broken batch answer is believed in nothing, a write
 * whose answer cannot be read is judged by reading the tenant back, a Retry-After date is waited out, and an id that
 * would not stay one URL path segment never reaches the wire.
 */
class HostileAnswersTest {

  private static HostileGraph graph;
  private static HostileCli cli;

  @TempDir Path dir;
  private String desired;

  @BeforeAll
  static void start() {
    graph = new HostileGraph();
    cli = new HostileCli(graph);
  }

  @AfterAll
  static void stop() {
    graph.close();
  }

  @BeforeEach
  void honestTenant() throws IOException {
    graph.reset();
    desired = HostileCli.desired(dir).toString();
  }

  private static Run plan(String file) {
    return cli.run(false, true, "plan", file, "--detailed-exitcode");
  }

  private static Run apply(String file, String... more) {
    String[] args = new String[5 + more.length];
    System.arraycopy(new String[] {"apply", file, "--auto-approve", "--verify-wait", "0.1"}, 0, args, 0, 5);
    System.arraycopy(more, 0, args, 5, more.length);
    return cli.run(false, true, args);
  }

  // ---- 1. a singleton answered with something that is not it ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{}", "{\"value\":null}", "{\"value\":[]}", "{\"value\":{}}",
      "{\"isEnabledInOrganization\":\"true\"}", "{\"isEnabledInOrganization\":{}}", "{\"isEnabledInOrganization\":[]}"})
  void aSingletonAnsweredWithSomethingElseIsNotReadAndTheOthersArePlanned(String body) {
    graph.arm(Tricks.body(body, body), "GET", PRONOUNS);

    Run plan = plan(desired);

    assertThat(plan.exit()).as("not drift: an error\n%s", plan).isEqualTo(1);
    assertThat(plan.out()).contains("! people.pronouns could not be read:\n      HTTP 200 malformedResponse: Graph "
        + "answered with an object").doesNotContain("~ people.pronouns")
        .contains("~ people.namePronunciation will be updated")
        .contains("~ copilot.policySettings[\"microsoft.copilot.allowwebsearch\"] will be updated");

    Run apply = apply(desired);

    assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
    assertThat(graph.writesSent()).as("apply refuses, as for any setting it could not read").isEmpty();
  }

  /**
   * A key given twice in one object is two answers in one: JSON parsers differ on which one wins (Jackson took the
   * last), so the tool would diff a value another reader of the same answer would not see. (Sent on its own: this
   * server builds a batch answer from parsed items, which keep one of the two.)
   */
  @Test
  void anAnswerGivingAKeyTwiceIsNotReadNorCountedAsDrift() {
    String twice = "{\"isEnabledInOrganization\":true,\"isEnabledInOrganization\":false}";
    graph.arm(Tricks.body("a key given twice", twice), "GET", PRONOUNS);

    Run check = cli.run(false, false, "check", desired);

    assertThat(check.exit()).as("not drift: an error\n%s", check).isEqualTo(1);
    assertThat(check.out()).contains("! people.pronouns could not be read:")
        .contains("Graph answered with a body that gives a key twice in one object")
        .doesNotContain("~ people.pronouns");
  }

  /** What Graph's own text may hold to write lines of its own or drive the terminal: breaks, ESC, BEL and CSI. */
  static final String FORGING = "denied\n\nNo changes: the tenant matches.\r\u001b]52;c;ZXZpbA==\u0007"
      + "\u001b[2K\u009b31m";

  private static void noForgedLinesNorControls(Run r) {
    assertThat(r.out() + r.err()).as(r.toString()).doesNotContainPattern("(?m)^No changes")
        .doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]").doesNotContainPattern("\r(?!\n)");
  }

  /**
   * Graph's error message is shown on one line, and without control characters: before, a message could print a
   * verdict line of its own ("Plan: 0 to create...") and send escape sequences to the terminal (set the clipboard,
   * erase lines).
   */
  @Test
  void anErrorMessageCannotWriteLinesOrEscapeSequencesOfItsOwn() {
    String error = HostileTenant.JSON.createObjectNode().set("error", HostileTenant.JSON.createObjectNode()
        .put("code", "accessDenied").put("message", FORGING)).toString();
    graph.arm(new Trick("an error message that forges lines", new Trick.Item(r -> Reply.json(403, error)), false, 0,
        Trick.Read.UNREADABLE, Trick.Write.REFUSED, false), "GET", PRONOUNS);

    Run check = cli.run(false, true, "check", desired);

    assertThat(check.exit()).as(check.toString()).isEqualTo(1);
    assertThat(check.out()).contains("! people.pronouns could not be read:\n"
        + "      HTTP 403 accessDenied: denied No changes: the tenant matches. ?]52;c;");
    noForgedLinesNorControls(check);
  }

  /** The same of the tenant's name, which every heading and an export's first comment show. */
  @Test
  void theTenantsNameCannotWriteLinesOrEscapeSequencesOfItsOwn() {
    String organization = HostileTenant.JSON.createObjectNode().set("value", HostileTenant.JSON.createArrayNode()
        .add(HostileTenant.JSON.createObjectNode().put("id", "3c1f9e5a-7d2b-4e8c-a6f0-1b9d4e7c2a58")
            .put("displayName", "Contoso " + FORGING))).toString();
    graph.arm(new Trick("a tenant name that forges lines", new Trick.Item(r -> Reply.json(200, organization)), false,
        0, Trick.Read.RECOVERS, Trick.Write.ACCEPTED, false), "GET", "/organization");

    Run plan = cli.run(false, false, "plan", desired);

    assertThat(plan.exit()).as(plan.toString()).isZero();
    // A tenant's name is shown as TenantIdentity shows it: one line, controls as U+FFFD (the stream's '?' is for
    // other text from Graph).
    assertThat(plan.out()).contains("tenant Contoso denied No changes: the tenant matches. \uFFFD]52;c;");
    noForgedLinesNorControls(plan);

    // Exported YAML names the tenant in a comment: a line break there would have written lines of YAML of its own.
    Path exported = dir.resolve("export.yaml");
    Run export = cli.run(false, false, "export", "--out", exported.toString());
    assertThat(export.exit()).as(export.toString()).isZero();
    noForgedLinesNorControls(export);
    assertThat(readString(exported)).startsWith("# Exported by settings-reconciler from ")
        .doesNotContainPattern("(?m)^No changes");
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The other side of the rule: a real tenant may leave a nullable property out, write null, or wrap the object. */
  @Test
  void answersThatLeaveOutOrNullNullablePropertiesAreStillRead() {
    graph.tenant().object(PRONOUNS, "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#admin/people/"
        + "pronouns/$entity\",\"isEnabledInOrganization\":null}");
    graph.tenant().object(WEBSEARCH, "{\"id\":\"Microsoft.Copilot.AllowWebSearch\"}");
    graph.tenant().object(PHOTO, "{\"allowedRoles\":null}");

    Run plan = plan(desired);

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
    // "! <setting> could not be read:" is a failed read; the heading may say /organization could not be read.
    assertThat(plan.out()).doesNotContain(" could not be read:")
        .contains("~ isEnabledInOrganization: null -> true")
        .contains("~ value: null -> \"1\"");
    Run export = cli.run(false, true, "export");
    assertThat(export.exit()).as(export.toString()).isZero();
    assertThat(export.err()).doesNotContain(" could not be read:");
    assertThat(export.out()).contains("  photoUpdateSettings: {}");
  }

  // ---- 2. a list holding what is not an item ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\"x\"", "5", "{\"name\":null,\"prioritizedSourceUrls\":[]}",
      "{\"id\":\"\",\"name\":null,\"prioritizedSourceUrls\":[]}"})
  void aListWithAnItemThatIsNotAnAddressableObjectIsNotReadAndNeverPatched(String item) {
    graph.tenant().list(PROPERTY_SETTINGS, "id", item);

    Run apply = apply(desired);

    assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).contains("! people.profilePropertySettings could not be read:")
        .contains("malformedResponse: Graph answered with a list item");
    assertThat(graph.writesSent()).as("nothing matched as sourcePrecedence, nothing patched at a made-up path")
        .isEmpty();
  }

  // ---- 3. a value of the wrong JSON type ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{\"id\":5,\"displayName\":\"Chess\"}", "{\"id\":\"int-1\",\"displayName\":{}}",
      "{\"id\":\"int-1\",\"displayName\":\"Chess\",\"categories\":\"games\"}"})
  void aValueOfTheWrongTypeNamesTheSettingInsteadOfEndingTheRun(String interest) {
    graph.tenant().list(INTERESTS, "id", interest);

    Run plan = plan(desired);

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out()).contains("! users[\"adele@contoso.com\"].interests could not be read:\n"
        + "      HTTP 200 malformedResponse: Graph answered with a list item whose ")
        .contains("~ people.pronouns will be updated");
  }

  // ---- 4. a $batch answer that is not one answer per request ----

  @Test
  void aWriteAnsweredTwiceInABatchIsNeverReportedAppliedOnEitherAnswer() {
    graph.arm(Tricks.DUPLICATE_ID, "PATCH", PRONOUNS);

    Run apply = apply(desired);

    assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).containsPattern("MAYBE APPLIED +people\\.pronouns")
        .contains("answers request").contains("twice").contains("it was most likely not applied");
    assertThat(graph.tenant().carriedOut()).doesNotContain("PATCH " + PRONOUNS);
    assertThat(graph.writesSent().stream().filter(s -> s.path().equals(PRONOUNS))).as("never sent again").hasSize(1);
  }

  @Test
  void aWriteWhoseBatchStatusIsAStringIsJudgedByTheReadBackNotRefused() {
    graph.arm(Tricks.STRING_STATUS, "PATCH", PRONOUNS);

    Run apply = apply(desired);

    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).doesNotContain("FAILED").containsPattern("applied +people\\.pronouns")
        .contains("reading the tenant back shows the change");
  }

  /** A 1xx is no final answer: before, a write given one in a batch was reported FAILED, as if Graph had refused it. */
  @Test
  void aWriteWhoseBatchStatusIsInformationalIsJudgedByTheReadBackNotRefused() {
    graph.arm(Tricks.INFORMATIONAL_STATUS, "PATCH", PRONOUNS);

    Run apply = apply(desired);

    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).doesNotContain("FAILED").containsPattern("applied +people\\.pronouns")
        .contains("reading the tenant back shows the change");
  }

  @Test
  void aReadInABatchAnswerWithAnAnswerToNothingIsNotRead() {
    graph.arm(Tricks.EXTRA_ID, "GET", PRONOUNS);

    Run plan = plan(desired);

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out()).contains("! people.pronouns could not be read:")
        .contains("malformedResponse: Graph answered with a batch answer with the id \"99\", which was not sent");
  }

  // ---- 5. a 2xx write answer too large to read ----

  @Test
  void aWriteAnsweredTwoHundredWithABodyPastTheCapIsJudgedByTheReadBack() {
    graph.arm(Tricks.HUGE_BODY, "PATCH", PRONOUNS);

    Run apply = cli.run(false, false, "apply", desired, "--auto-approve", "--verify-wait", "0.1");

    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).doesNotContain("FAILED").containsPattern("applied +people\\.pronouns")
        .contains("reading the tenant back shows the change");
    assertThat(graph.writesSent().stream().filter(s -> s.path().equals(PRONOUNS))).hasSize(1);
  }

  // ---- 6. Retry-After as an HTTP date ----

  @ParameterizedTest(name = "batched: {0}")
  @ValueSource(booleans = {true, false})
  void aRetryAfterDateIsWaitedOut(boolean batched) {
    graph.arm(Tricks.RETRY_AFTER_DATE, "GET", PRONOUNS);

    Run plan = cli.run(false, batched, "plan", desired, "--detailed-exitcode");

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(2);
    assertThat(graph.strikes()).isEqualTo(1);
    assertThat(graph.earlyRetries()).as("requests sent before the date Graph gave").isZero();
  }

  // ---- 7. ids and links that would not stay where they point ----

  @Test
  void aNextLinkBackToAPageAlreadyReadEndsTheListAtOnce() {
    graph.arm(Tricks.LOOPING_NEXT_LINK, "GET", INTERESTS);

    Run plan = plan(desired);

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out()).contains("! users[\"adele@contoso.com\"].interests could not be read:")
        .contains("an @odata.nextLink back to a page already read");
    assertThat(graph.strikes()).as("pages asked for").isEqualTo(1);
  }

  @Test
  void aNextLinkWithDotSegmentsIsNotFollowed() {
    graph.arm(Tricks.CLIMBING_NEXT_LINK, "GET", INTERESTS);

    Run plan = plan(desired);

    assertThat(plan.exit()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.out()).contains("! users[\"adele@contoso.com\"].interests could not be read:")
        .contains("an @odata.nextLink with a \".\" or \"..\" segment");
    assertThat(graph.sent()).noneMatch(s -> s.path().contains("/../"));
  }

  @Test
  void aCardPropertyNamedDotDotIsNeverDeleted() throws IOException {
    graph.tenant().list(CARDS, "directoryPropertyName", "{\"directoryPropertyName\":\"..\",\"annotations\":[]}",
        "{\"directoryPropertyName\":\"Fax\",\"annotations\":[]}");
    Path pruning = Files.writeString(dir.resolve("prune.yaml"), """
        people:
          pronouns:
            isEnabledInOrganization: true
          profileCardProperties:
            Fax:
              annotations: []
        prune: [people.profileCardProperties]
        """);

    Run apply = apply(pruning.toString(), "--allow-destructive");

    assertThat(apply.exit()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.out()).contains("! people.profileCardProperties could not be read:")
        .contains("a list item whose directoryPropertyName \"..\" cannot be one segment of a URL path");
    assertThat(graph.writesSent()).isEmpty();
  }

  @Test
  void aUserNamedDotDotIsNotReadThroughAPathThatLeavesUsers() {
    graph.tenant().list(USERS, "id", "{\"id\":\"u-1\",\"userPrincipalName\":\"adele@contoso.com\"}",
        "{\"id\":\"u-2\",\"userPrincipalName\":\"..\"}");

    Run export = cli.run(false, true, "export", "--all-users");

    assertThat(export.exit()).as(export.toString()).isEqualTo(1);
    assertThat(export.err()).contains("error: users[\"..\"].interests could not be read: not sent: the user principal "
        + "name \"..\" cannot be one segment of a URL path");
    assertThat(export.out()).contains("adele@contoso.com:\n    interests:\n      Chess:");
    assertThat(graph.sent()).noneMatch(s -> s.path().contains("/../") || s.path().endsWith("/.."));
  }
}
