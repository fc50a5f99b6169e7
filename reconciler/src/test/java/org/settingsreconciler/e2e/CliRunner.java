package org.settingsreconciler.e2e;

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
}
