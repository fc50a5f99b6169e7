package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.secrets.InProcessCli;

/** A PATH that does not exist is named as typed, not reported at line 1 of an invalid desired state. */
class MissingPathCliTest {

  @Test
  void missingPathIsNamedAsGiven(@TempDir Path dir) {
    String missing = dir.resolve("missing") + "/";
    for (String[] args : new String[][] {{"validate", missing}, {"permissions", missing},
        {"plan", missing, "--sandbox"}, {"check", missing, "--sandbox"}, {"apply", missing, "--sandbox"}}) {
      String command = args[0];
      InProcessCli.Result run = InProcessCli.run(Map.of(), args);
      assertThat(run.exit()).as(command).isEqualTo(1);
      assertThat(run.err()).as(command).isEqualTo("error: " + missing + ": no such file or directory\n");
    }
  }
}
