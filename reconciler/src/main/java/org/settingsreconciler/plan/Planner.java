package org.settingsreconciler.plan;

import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;

/** Reads what a desired state manages and diffs it: the shared first half of plan, apply and check. */
public final class Planner {

  private final StateReader reader;
  private final Differ differ = new Differ();

  public Planner(StateReader reader) {
    this.reader = reader;
  }

  public Plan plan(DesiredState desired) {
    CurrentState current = reader.readFor(desired);
    return differ.diff(desired, current);
  }
}
