package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.secrets.InProcessCli;

/** The usual slips on the command line get an answer that says what was meant. */
class CommandLineSlipsCliTest {

  @Test
  void helpCommandPrintsTheCommandsHelp() {
    InProcessCli.Result help = InProcessCli.run(Map.of(), "help", "plan");
    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(help.out()).isEqualTo(InProcessCli.run(Map.of(), "plan", "--help").out());
  }

  @Test
  void misspeltCommandSuggestsTheCommand() {
    InProcessCli.Result slip = InProcessCli.run(Map.of(), "plna", "examples/");
    assertThat(slip.exit()).isEqualTo(1);
    assertThat(slip.err()).contains("Did you mean: reconciler plan");
  }

  @Test
  void graphUrlWithoutSchemeSuggestsIt() {
    InProcessCli.Result loopback = InProcessCli.run(Map.of(),
        "plan", "../examples/", "--graph-url", "127.0.0.1:18431");
    assertThat(loopback.err()).contains("did you mean http://127.0.0.1:18431?");
    InProcessCli.Result localhost = InProcessCli.run(Map.of(),
        "plan", "../examples/", "--graph-url", "localhost:18431");
    assertThat(localhost.err()).contains("did you mean http://localhost:18431?");
    InProcessCli.Result remote = InProcessCli.run(Map.of(),
        "plan", "../examples/", "--graph-url", "graph.example.com/v1.0");
    assertThat(remote.err()).contains("did you mean https://graph.example.com/v1.0?");
  }
}
