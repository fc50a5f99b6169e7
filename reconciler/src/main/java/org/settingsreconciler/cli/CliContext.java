package org.settingsreconciler.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import org.settingsreconciler.secrets.Secrets;

/**
 * What commands get from the outside world; tests pass their own, so no command touches System.* directly.
 *
 * @param liveErr whether what goes to {@code err} is seen as it is written; not for a tenant of a fleet, whose
 *     output is held back until it ends (so progress lines would only be noise there)
 * @param clock the time, for what the tool remembers between runs (the ledger of recent creates); tests move their own
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
    boolean liveErr, Clock clock) {

  public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
    this(out, err, env, terminal, true);
  }

  public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal, boolean liveErr) {
    this(out, err, env, terminal, liveErr, Clock.systemUTC());
  }

  /** The run's secrets: what every stream masks, and every file the run writes (see {@link OutputFiles}). */
  public Secrets secrets() {
    return Secrets.of(out);
  }
}
