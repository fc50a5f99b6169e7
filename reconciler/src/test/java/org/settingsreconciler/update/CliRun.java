package org.settingsreconciler.update;

import java.util.Map;
import org.settingsreconciler.secrets.InProcessCli;

/** One run of the CLI in-process, with what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun of(String... args) {
    InProcessCli.Result r = InProcessCli.run(Map.of(), args);
    return new CliRun(r.exit(), r.out(), r.err());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
