package org.settingsreconciler.cli;

import java.util.function.Supplier;
import org.settingsreconciler.state.ReadProgress;

import java.io.PrintStream;
import org.settingsreconciler.run.RunView;

/** A run's view on the command line: everything it tells goes to stderr (stdout is the result, maybe JSON). */
record StderrView(PrintStream err, Supplier<ReadProgress> progress) implements RunView {

  /** A view whose reads say nothing of their progress. */
  StderrView(PrintStream err) {
    this(err, ReadProgress::silent);
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
    err.println("warning: " + text);
  }

  @Override
  public void error(String text) {
    err.println("error: " + text);
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
