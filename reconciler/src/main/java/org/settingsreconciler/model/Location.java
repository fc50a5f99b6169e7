package org.settingsreconciler.model;

/** A place in a desired-state file, 1-based, printed the way editors and CI annotations read it. */
public record Location(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
