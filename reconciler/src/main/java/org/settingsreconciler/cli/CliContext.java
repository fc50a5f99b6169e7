package org.settingsreconciler.cli;

import java.io.PrintStream;
import java.util.Map;
import org.settingsreconciler.vars.Secrets;

/**
 * What commands get from the outside world; tests pass their own, so no command touches System.* directly.
 *
 * @param liveErr whether what goes to {@code err} is seen as it is written; not for a tenant of a fleet, whose
 *     output is held back until it ends (so progress lines would only be noise there)
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
    boolean liveErr) {

  public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
    this(out, err, env, terminal, true);
  }

  /** The run's secrets: what every stream masks, and every file the run writes (see {@link OutputFiles}). */
  public Secrets secrets() {
    return Secrets.of(out);
  }
}
