package org.settingsreconciler.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.defs.CopilotAgents;

/**
 * The agent catalog's YAML: each agent is an object read by its id, the allow-list switch is a collection scope of
 * its own, and what the API cannot do (no owner, a user and a group in one entry, a delete of agents) is refused
 * where it is written.
 */
class AgentsYamlTest {

  private static final String HR = "P_7c4d1e2a-9b3f-4e6d-8a1c-2f5b9d0e3a71";

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("agents.yaml"), yaml);
  }

  @Test
  void agentsAreObjectsByIdAndTheSwitchMakesTheCatalogAScopeOfItsOwn() throws Exception {
    DesiredState state = new DesiredStateLoader().load(List.of(write(
        "copilot:\n  agents:\n    " + HR + ":\n      isBlocked: false\n  agentsNotListed: block\n")));
    assertThat(state.resources()).singleElement()
        .satisfies(r -> assertThat(r.address()).isEqualTo("copilot.agents[\"" + HR + "\"]"));
    assertThat(state.collections()).singleElement().satisfies(c -> {
      assertThat(c.descriptor()).isSameAs(CopilotAgents.DESCRIPTOR);
      assertThat(c.prune()).isTrue();
      assertThat(c.location().line()).as("where the switch is written").isEqualTo(5);
    });

    DesiredState leave = new DesiredStateLoader().load(List.of(write(
        "copilot:\n  agents:\n    " + HR + ": {}\n  agentsNotListed: leave\n")));
    assertThat(leave.collections()).as("leave reads no list").isEmpty();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("copilot:\n  agents:\n    " + HR + ":\n      ownerId: null\n", ":4:16: copilot.agents[\""),
        Arguments.of("copilot:\n  agents:\n    " + HR + ":\n      isBlocked: null\n", ":4:18: copilot.agents[\""),
        Arguments.of("copilot:\n  agents:\n    " + HR + ":\n      allowedUsersAndGroups:\n"
            + "        - {user: a@contoso.com, group: Sales}\n", ":5:11: copilot.agents[\""),
        Arguments.of("copilot:\n  agents:\n    " + HR + ":\n      allowedUsersAndGroups:\n"
            + "        - {resourceType: user}\n", ":5:11: copilot.agents[\""),
        Arguments.of("copilot:\n  agents:\n    \"..\":\n      isBlocked: true\n", ":3:5: copilot.agents"),
        Arguments.of("copilot:\n  agents: {}\n  agentsNotListed: delete\n", ":3:20: copilot.agentsNotListed"),
        Arguments.of("copilot:\n  agents: {}\nprune: [copilot.agents]\n", ":3:9: prune[0]"),
        Arguments.of("copilot:\n  agents:\n    P_1: {}\n    p_1: {}\n", ":4:5: copilot.agents[\"p_1\"]: same item as "
            + "'P_1'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("refused")
  void whatTheApiCannotDoIsRefusedWhereItIsWritten(String yaml, String at) throws Exception {
    Path file = write(yaml);
    try {
      new DesiredStateLoader().load(List.of(file));
    } catch (ConfigException e) {
      assertThat(e.errors()).first().asString().startsWith(file + at);
      return;
    }
    throw new AssertionError("expected the desired state to be invalid:\n" + yaml);
  }
}
