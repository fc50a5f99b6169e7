package org.settingsreconciler.cli;

import java.time.Duration;
import org.settingsreconciler.apply.ApplyProgress;
import org.settingsreconciler.run.ClientTuning;
import org.settingsreconciler.state.ReadProgress;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import org.settingsreconciler.run.RunContext;
import org.settingsreconciler.secrets.MaskingPrintStream;
import org.settingsreconciler.secrets.Secrets;

/**
 * What commands get from the outside world; tests pass their own, so no command touches System.* directly.
 *
 * @param liveErr whether what goes to {@code err} is seen as it is written; not for a tenant of a fleet, whose
 *     output is held back until it ends (so progress lines would only be noise there)
 * @param clock the time, for what the tool remembers between runs (the ledger of recent creates); tests move their own
 * @param secrets the run's one redaction point: what {@code out}, {@code err} and every file the run writes mask (see
 *     {@link OutputFiles})
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
    boolean liveErr, Clock clock, Secrets secrets) {

  public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
    this(out, err, env, terminal, true);
  }

  public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal, boolean liveErr) {
    this(out, err, env, terminal, liveErr, Clock.systemUTC());
  }

  /** A context whose streams do not mask yet: {@link #masked()} makes the run's. */
  public CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal, boolean liveErr,
      Clock clock) {
    this(out, err, env, terminal, liveErr, clock, new Secrets());
  }

  /** What a run of the use cases (see run/) takes from this context: its view is stderr. */
  public RunContext run() {
    return new RunContext(env, clock, secrets, terminal.interactive(), err,
        new StderrView(err, colours().err(), this::readProgress));
  }

  /**
   * Every RECONCILER_PROGRESS_SECONDS (default 10 s, as apply's; 0 for never) a line on stderr while a plan, check or
   * export reads the tenant, where stderr is seen as it is written: not for a tenant of a fleet, whose output is held
   * back until it ends.
   */
  private ReadProgress readProgress() {
    Duration every = ClientTuning.seconds(env, "RECONCILER_PROGRESS_SECONDS", ApplyProgress.EVERY, true);
    return liveErr && !every.isZero() ? new ReadProgress(err::println, System::nanoTime, every)
        : ReadProgress.silent();
  }

  /** Whether this run colours its stdout and its stderr. */
  Colours colours() {
    return Colours.of(terminal, env);
  }

  /** This context with no colours on either stream, for --no-color; it still asks where it could. */
  CliContext withoutColour() {
    return new CliContext(out, err, env, Terminal.withoutColour(terminal), liveErr, clock, secrets);
  }

  /**
   * This context with streams that make painted text's marks ANSI escapes, as they reach the real stdout and stderr:
   * for the command line's own context, outside its masking streams, and never a fleet tenant's (whose output
   * reaches the command line's).
   */
  CliContext painted() {
    return new CliContext(new PaintedStream(out), new PaintedStream(err), env, terminal, liveErr, clock, secrets);
  }

  /**
   * The context of one run (a command, or one tenant of a fleet): its own redaction point, which knows the
   * credentials of its environment and learns the tokens it signs in with and the secret-looking values its variables
   * bring in, and streams that mask them.
   */
  CliContext masked() {
    Secrets run = Secrets.forEnvironment(env);
    return new CliContext(new MaskingPrintStream(out, run), new MaskingPrintStream(err, run), env, terminal, liveErr,
        clock, run);
  }
}
