package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers --help, as the usage errors tell users to try. */
class HelpTest {

  @ParameterizedTest
  @ValueSource(strings = {"validate", "plan", "apply", "check", "export", "sandbox", "permissions", "login", "logout"})
  void everyCommandHasHelp(String command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of(), Terminal.none())
        .run(command, "--help");
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: reconciler " + command);
  }
}
