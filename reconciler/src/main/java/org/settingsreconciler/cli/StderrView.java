package org.settingsreconciler.cli;

import java.io.PrintStream;
import org.settingsreconciler.run.RunView;

/** A run's view on the command line: everything it tells goes to stderr (stdout is the result, maybe JSON). */
record StderrView(PrintStream err) implements RunView {

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
