package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.settingsreconciler.e2e.WireHarness.Run;

/** Invalid input stops every command before the first request; so does a Graph URL that would leak the token. */
class InvalidInputWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  /**
   * @param key the dotted key path the error names, or null where YAML could not be parsed into keys at all
   */
  record BadInput(String name, String yaml, String lineColumn, String key, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<BadInput> BAD_INPUTS =
      List.of(
          new BadInput("typo key", """
              copilot:
                enhancedPersonalization:
                  isEnabledInOrganisation: true
              """, "3:5", "copilot.enhancedPersonalization.isEnabledInOrganisation",
              "unknown key 'isEnabledInOrganisation'; did you mean 'isEnabledInOrganization'?"),
          new BadInput("yes is not a boolean", """
              people:
                pronouns:
                  isEnabledInOrganization: yes
              """, "3:30", "people.pronouns.isEnabledInOrganization",
              "must be a boolean, not a string ('yes'; YAML 1.2 booleans are true and false)"),
          new BadInput("group id that is a list", """
              copilot:
                limitedMode:
                  isEnabledForGroup: true
                  groupId: [4c563cdf-0efa-44c5-a384-dbf57db277df]
              """, "4:14", "copilot.limitedMode.groupId", "must be a string"),
          new BadInput("duplicate key", """
              people:
                pronouns:
                  isEnabledInOrganization: true
                  isEnabledInOrganization: false
              """, "4:5", "people.pronouns.isEnabledInOrganization",
              "duplicate key 'isEnabledInOrganization' (first set at "),
          new BadInput("YAML syntax error", """
              people:
                pronouns:
                  isEnabledInOrganization: true
                 namePronunciation:
              """, "4:4", null, "YAML syntax error"));

  static Stream<Arguments> commandsAndBadInputs() {
    List<Arguments> out = new ArrayList<>();
    for (String command : List.of("validate", "plan", "apply", "check")) {
      BAD_INPUTS.forEach(b -> out.add(Arguments.of(command, b)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("commandsAndBadInputs")
  void invalidYamlExitsOneWithFileLineColumnAndSendsNoRequest(String command, BadInput bad) {
    String file = h.yaml("desired.yaml", bad.yaml()).toString();
    List<String> args = new ArrayList<>(List.of(command, file));
    if (command.equals("apply")) {
      args.add("--auto-approve");
    }

    Run r = command.equals("validate") ? h.run(args.toArray(String[]::new)) : h.graph(args.toArray(String[]::new));

    assertThat(r.exit()).isEqualTo(1);
    String where = "error: " + file + ":" + bad.lineColumn() + ": ";
    assertThat(r.err()).contains(where + (bad.key() == null ? "" : bad.key() + ": ") + bad.message());
    assertThat(r.err()).contains("nothing was sent to the tenant");
    assertThat(r.out()).isEmpty();
    h.verifyNoRequests();
  }

  @Test
  void everyErrorOfAFileIsReportedAtOnce() {
    String file = h.yaml("desired.yaml", """
        copilot:
          limitedMode:
            isEnabledForGroup: yes
            groupId: [nope]
        people:
          pronoun:
            isEnabledInOrganization: true
        """).toString();

    Run r = h.graph("plan", file);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains(file + ":3:24: copilot.limitedMode.isEnabledForGroup: must be a boolean")
        .contains(file + ":4:14: copilot.limitedMode.groupId: must be a string")
        .contains(file + ":6:3: people.pronoun: unknown key 'pronoun'; did you mean 'pronouns'?");
    h.verifyNoRequests();
  }

  /**
   * A syntax error in one file used to hide every problem of the others (the schema ran only once all files had
   * read), and a schema error hid the checks after it: now each command names them all at once.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"validate", "plan", "apply", "check"})
  void everyErrorOfEveryFileIsReportedAtOnce(String command) {
    String broken = h.yaml("a-broken.yaml", "people:\n  pronouns: [\n").toString();
    String misspelt = h.yaml("b-misspelt.yaml", "people:\n  namePronunciation:\n    isEnabledInOrganisation: true\n")
        .toString();
    String twice = h.yaml("c-twice.yaml", """
        users:
          adele@contoso.com:
            interests:
              Chess: {}
              chess: {}
        copilot:
          enhancedPersonalization:
            isEnabledInOrganization: maybe
        """).toString();
    List<String> args = new ArrayList<>(List.of(command, broken, misspelt, twice));
    if (command.equals("apply")) {
      args.add("--auto-approve");
    }

    Run r = command.equals("validate") ? h.run(args.toArray(String[]::new)) : h.graph(args.toArray(String[]::new));

    assertThat(r.exit()).isEqualTo(1);
    List<String> errors = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
    assertThat(errors).hasSize(4);
    assertThat(errors.get(0)).startsWith("error: " + broken + ":3:1: YAML syntax error: ");
    assertThat(errors.subList(1, 4)).containsExactly(
        "error: " + misspelt + ":3:5: people.namePronunciation.isEnabledInOrganisation: unknown key "
            + "'isEnabledInOrganisation'; did you mean 'isEnabledInOrganization'?",
        "error: " + twice + ":5:7: users[\"adele@contoso.com\"].interests[\"chess\"]: same item as 'Chess' at " + twice
            + ":4:7 (Graph matches displayName ignoring case)",
        "error: " + twice + ":8:30: copilot.enhancedPersonalization.isEnabledInOrganization: must be a boolean, not a "
            + "string ('maybe'; YAML 1.2 booleans are true and false)");
    assertThat(r.err()).contains("The desired state is invalid (4 errors); nothing was sent to the tenant.");
    assertThat(r.out()).isEmpty();
    h.verifyNoRequests();
  }

  /**
   * Graph matches a card property's directoryPropertyName ignoring case: any letter case of a documented name is
   * valid, two keys that differ only in case are one item named twice, and a name the docs lack is refused with the
   * nearest documented one.
   */
  @Test
  void cardPropertyKeysAreValidInAnyLetterCaseButNotTwiceNorOutsideTheDocumentedNames() {
    String yaml = h.yaml("cards.yaml", """
        people:
          profileCardProperties:
            customAttribute1: {}
            ALIAS: {}
            CustomAttribute1: {isVisible: false}
            CustomAttribute16: {}
        """).toString();

    Run r = h.run("validate", yaml);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList()).containsExactly(
        "error: " + yaml + ":5:5: people.profileCardProperties[\"CustomAttribute1\"]: same item as 'customAttribute1' at "
            + yaml + ":3:5 (Graph matches directoryPropertyName ignoring case)",
        "error: " + yaml + ":6:5: people.profileCardProperties[\"CustomAttribute16\"]: 'CustomAttribute16' is not an "
            + "allowed key here; did you mean 'CustomAttribute1'?");
  }

  @Test
  void aMissingFileIsAnErrorWithoutRequests() {
    Run r = h.graph("plan", dir.resolve("nope.yaml").toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("error: " + dir.resolve("nope.yaml") + ": no such file or directory");
    h.verifyNoRequests();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"http://example.com/beta", "http://127.0.0.1.example.com/beta", "ftp://localhost/beta"})
  void nonLoopbackHttpGraphUrlIsRefusedBeforeAnyRequest(String url) {
    String file = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n").toString();

    for (String[] args : List.of(
        new String[] {"plan", file, "--graph-url", url},
        new String[] {"apply", file, "--auto-approve", "--graph-url", url},
        new String[] {"check", file, "--graph-url", url},
        new String[] {"export", "--graph-url", url})) {
      Run r = h.run(args);

      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(r.err())
          .contains("error: --graph-url must use https (plain http is allowed only on loopback): " + url);
    }
    h.verifyNoRequests();
  }

  @Test
  void withoutATokenNothingIsSent() {
    String file = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n").toString();

    Run r = h.runWithoutToken("plan", file, "--graph-url", h.graphUrl());

    assertThat(r.exit()).isEqualTo(1);
    // Sign-in fails before anything is read; the message lists the ways to sign in (docs/guides/sign-in.md).
    assertThat(r.err()).contains("no credentials found").contains("RECONCILER_ACCESS_TOKEN");
    h.verifyNoRequests();
  }
}
