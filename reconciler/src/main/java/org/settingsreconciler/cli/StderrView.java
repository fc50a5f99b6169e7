package org.settingsreconciler.cli;

import java.io.PrintStream;
import java.util.function.Supplier;
import org.settingsreconciler.render.Palette;
import org.settingsreconciler.run.RunView;
import org.settingsreconciler.state.ReadProgress;

/**
 * A run's view on the command line: everything it tells goes to stderr (stdout is the result, maybe JSON), with its
 * "error:" and "warning:" in colour where stderr is coloured.
 */
record StderrView(PrintStream err, Palette palette, Supplier<ReadProgress> progress) implements RunView {

  /** A view whose reads say nothing of their progress (a tenant of a fleet, whose output is held back). */
  StderrView(PrintStream err, Palette palette) {
    this(err, palette, ReadProgress::silent);
  }

  @Override
  public ReadProgress readProgress() {
    return progress.get();
  }

  @Override
  public void note(String text) {
    err.println("note: " + text);
  }

  @Override
  public void warning(String text) {
    err.println(palette.warn("warning:") + " " + text);
  }

  @Override
  public void error(String text) {
    err.println(palette.bad("error:") + " " + text);
  }

  @Override
  public void say(String text) {
    err.println(text);
  }

  @Override
  public void debug(String line) {
    err.println("debug: " + line);
  }
}
