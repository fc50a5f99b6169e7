package org.settingsreconciler.run;

/** How a use case's run ended, as far as every command and a fleet's report need it: its exit code (see ExitCode). */
public interface RunOutcome {

  int exit();
}
