package org.settingsreconciler.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.secrets.InProcessCli;

/** Runs the CLI in-process with captured streams and a given environment, without a terminal. */
final class CliRunner {

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private CliRunner() {}

  static Run run(Map<String, String> env, String... args) {
    InProcessCli.Result r = InProcessCli.run(env, args);
    return new Run(r.exit(), r.out(), r.err());
  }

  /** The command against the sandbox tenant kept in {@code state}, so that runs one after another see each other. */
  static Run sandbox(Path state, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--sandbox", "--sandbox-state", state.toString()));
    return run(Map.of(), all.toArray(String[]::new));
  }
}
