package org.settingsreconciler.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;

class DesiredStateLoaderTest {

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  private List<String> errorsOf(Path... files) {
    try {
      new DesiredStateLoader().load(List.of(files));
    } catch (ConfigException e) {
      return e.errors().stream().map(ConfigError::toString).toList();
    }
    throw new AssertionError("expected the desired state to be invalid");
  }

  /** One bad document, and the start of the one error it must produce (file name stripped). */
  static Stream<Arguments> invalidDocuments() {
    return Stream.of(
        Arguments.of(
            "copilot:\n  enhancedPersonalisation:\n    isEnabledInOrganization: true\n",
            ":2:3: copilot.enhancedPersonalisation: unknown key 'enhancedPersonalisation'; did you mean "
                + "'enhancedPersonalization'?"),
        Arguments.of(
            "people:\n  pronouns:\n    isEnabledInOrganization: yes\n",
            ":3:30: people.pronouns.isEnabledInOrganization: must be a boolean, not a string ('yes'"),
        Arguments.of(
            "people:\n  itemInsights:\n    disabledForGroup: 1234\n",
            ":3:23: people.itemInsights.disabledForGroup: must be a string"),
        Arguments.of(
            "copilot:\n  limitedMode:\n    isEnabledForGroup: true\n",
            ":2:3: copilot.limitedMode.groupId: missing required key 'groupId'"),
        Arguments.of(
            "copilot:\n  enhancedPersonalization:\n    disabledForGroup: [edbfe4fb]\n",
            ":3:23: copilot.enhancedPersonalization.disabledForGroup: must be a string"),
        Arguments.of(
            "copilot:\n  policySettings:\n    microsoft.copilot.websearch:\n      value: \"1\"\n",
            ":3:5: copilot.policySettings[\"microsoft.copilot.websearch\"]: unknown key"),
        Arguments.of(
            "copilot:\n  policySettings:\n    microsoft.copilot.allowwebsearch:\n      value: 1\n",
            ":4:14: copilot.policySettings[\"microsoft.copilot.allowwebsearch\"].value: must be"),
        Arguments.of(
            "users:\n  adele@contoso.com:\n    interests:\n      Go:\n        collaborationTags: [7]\n",
            ":5:29: users[\"adele@contoso.com\"].interests[\"Go\"].collaborationTags[0]: must be a string"),
        Arguments.of("users:\n  adele:\n    interests: {}\n", ":2:3: users[\"adele\"]: 'adele' is not a user principal name"),
        Arguments.of(
            "people:\n  pronouns:\n    isEnabledInOrganization: true\n    isEnabledInOrganization: false\n",
            ":4:5: people.pronouns.isEnabledInOrganization: duplicate key 'isEnabledInOrganization' (first set at "),
        Arguments.of("copilot:\n  limitedMode: [\n", ":3:1: YAML syntax error"),
        Arguments.of("people: {}\n---\ncopilot: {}\n", ":2:1: more than one YAML document (---) in one file"),
        Arguments.of("people:\n  pronouns: !!java.io.File /etc/passwd\n", ":2:13: people.pronouns: unsupported YAML tag"),
        Arguments.of("- a\n- b\n", ":1:1: a desired-state file must be a mapping of sections"),
        Arguments.of("prune: [people.pronouns]\n", ":1:9: prune[0]: must be one of"),
        Arguments.of(
            "people:\n  profileCardProperties: {}\nprune: [users.interests]\n",
            ":3:9: prune[0]: prune names users.interests, but no file sets it"),
        Arguments.of(
            "users:\n  a@contoso.com:\n    interests:\n      Chess: {}\n      chess: {}\n",
            ":5:7: users[\"a@contoso.com\"].interests[\"chess\"]: same item as 'Chess'"),
        // A tenant without it gets it by a create, and Graph creates nothing from an empty body.
        Arguments.of(
            "people:\n  profilePropertySettings:\n    sourcePrecedence: {}\n",
            ":3:23: people.profilePropertySettings[\"sourcePrecedence\"]: must have at least 1 properties"));
  }

  @ParameterizedTest
  @MethodSource("invalidDocuments")
  void invalidDocumentsGetOneErrorAtTheRightPlace(String yaml, String expected) throws IOException {
    Path file = write("bad.yaml", yaml);
    List<String> errors = errorsOf(file);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith(file.toString()).contains(expected);
  }

  @Test
  void everyErrorInEveryFileIsReportedAtOnce() throws IOException {
    Path a = write("a.yaml", "people:\n  pronouns:\n    isEnabledInOrganisation: true\n");
    Path b = write("b.yaml", "copilot:\n  limitedMode:\n    groupId: [nope]\n");
    assertThat(errorsOf(a, b))
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).startsWith(a + ":3:5"))
        .anySatisfy(e -> assertThat(e).startsWith(b + ":3:14"));
  }

  @Test
  void aFileThatCannotBeReadHidesNoErrorOfTheOthers() throws IOException {
    Path broken = write("a.yaml", "people: {pronouns: [\n");
    Path notAMapping = write("b.yaml", "- people\n");
    Path misspelt = write("c.yaml", "people:\n  pronoun:\n    isEnabledInOrganization: true\n");
    Path pruned = write("d.yaml", "users:\n  a@contoso.com:\n    interests:\n      Go: {}\n      go: {}\n");
    assertThat(errorsOf(broken, notAMapping, misspelt, pruned))
        .hasSize(4)
        .anySatisfy(e -> assertThat(e).startsWith(broken + ":").contains("YAML syntax error"))
        .anySatisfy(e -> assertThat(e).startsWith(notAMapping + ":1:1: a desired-state file must be a mapping"))
        .anySatisfy(e -> assertThat(e).startsWith(misspelt + ":2:3: people.pronoun: unknown key 'pronoun'"))
        .anySatisfy(e -> assertThat(e).startsWith(pruned + ":5:7: users[\"a@contoso.com\"].interests[\"go\"]: same item"));
  }

  /** What a file that could not be read may hold is not reported missing: groupId may be in a.yaml. */
  @Test
  void aRequiredKeyIsNotMissedWhileAFileCouldNotBeRead() throws IOException {
    Path broken = write("a.yaml", "copilot:\n  limitedMode:\n    groupId: [\n");
    Path rest = write("b.yaml", "copilot:\n  limitedMode:\n    isEnabledForGroup: true\nprune: [people.profileCardProperties]\n");
    assertThat(errorsOf(broken, rest)).singleElement().asString().startsWith(broken + ":").contains("YAML syntax");

    Files.writeString(broken, "people: {}\n");
    assertThat(errorsOf(broken, rest))
        .anySatisfy(e -> assertThat(e).contains("missing required key 'groupId'"))
        .anySatisfy(e -> assertThat(e).contains("prune names people.profileCardProperties, but no file sets it"));
  }

  @Test
  void aPlaceWithAnErrorGetsNoSecondOne() throws IOException {
    Path a = write("a.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: ${var:ON}\n");
    assertThat(errorsOf(a)).singleElement().asString().contains("${var:ON} is not set");
  }

  @Test
  void filesMergeKeyByKey() throws Exception {
    Path a = write("a.yaml", "copilot:\n  limitedMode:\n    isEnabledForGroup: false\n");
    Path b = write("b.yaml", "copilot:\n  limitedMode:\n    groupId: null\npeople:\n  pronouns:\n    isEnabledInOrganization: true\n");
    DesiredState state = new DesiredStateLoader().load(List.of(a, b));
    assertThat(state.resources()).extracting(DesiredResource::address)
        .containsExactly("copilot.limitedMode", "people.pronouns");
    DesiredResource limited = state.resources().get(0);
    assertThat(limited.properties().toString()).isEqualTo("{\"isEnabledForGroup\":false,\"groupId\":null}");
    assertThat(limited.propertyLocations().get("groupId").toString()).isEqualTo(b + ":3:14");
  }

  @Test
  void theSameKeySetInTwoFilesNamesBothPlaces() throws IOException {
    Path a = write("a.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    Path b = write("b.yaml", "\n\npeople:\n  pronouns:\n    isEnabledInOrganization: false\n");
    assertThat(errorsOf(a, b))
        .containsExactly(
            b + ":5:5: people.pronouns.isEnabledInOrganization: set twice: also set at " + a + ":3:5");
  }

  @Test
  void theSameUserSpelledTwoWaysIsAnError() throws IOException {
    Path a = write("a.yaml", "users:\n  Adele@contoso.com:\n    interests: {}\n");
    Path b = write("b.yaml", "users:\n  adele@contoso.com:\n    interests: {}\n");
    assertThat(errorsOf(a, b)).singleElement().asString().startsWith(b + ":2:3").contains("same user as 'Adele@contoso.com'");
  }

  @Test
  void aDirectoryContributesItsTopLevelYamlFilesOnly() throws Exception {
    write("one.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    write("two.yml", "people:\n  namePronunciation:\n    isEnabledInOrganization: false\n");
    write("notes.txt", "not yaml");
    Files.createDirectories(dir.resolve("ci"));
    write("ci/workflow.yaml", "on: push\njobs: {}\n");
    DesiredState state = new DesiredStateLoader().load(List.of(dir));
    assertThat(state.resources()).extracting(DesiredResource::address)
        .containsExactly("people.pronouns", "people.namePronunciation");
  }

  @Test
  void emptyFilesAndByteOrderMarksAreFine() throws Exception {
    Path empty = write("empty.yaml", "# nothing managed yet\n");
    Path bom = dir.resolve("bom.yaml");
    Files.write(bom, ("\uFEFFpeople:\n  pronouns:\n    isEnabledInOrganization: true\n").getBytes(StandardCharsets.UTF_8));
    assertThat(new DesiredStateLoader().load(List.of(empty, bom)).resources()).hasSize(1);
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "people:\n  pronouns: {}\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(errorsOf(file)).containsExactly(file + ":1:1: file is not valid UTF-8");
  }

  @Test
  void aliasBombsAreRefusedQuickly() throws IOException {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    Path file = write("bomb.yaml", yaml.toString());
    long start = System.nanoTime();
    assertThat(errorsOf(file)).singleElement().asString().contains("alias");
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void missingPathsAreErrors() {
    assertThatThrownBy(() -> new DesiredStateLoader().load(List.of(dir.resolve("nope.yaml"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("1 error");
  }

  @Test
  void theExamplesAreValid() throws Exception {
    DesiredState state = new DesiredStateLoader().load(List.of(Path.of("../examples")));
    assertThat(state.resources()).isNotEmpty();
    assertThat(state.collections()).isNotEmpty();
  }
}
