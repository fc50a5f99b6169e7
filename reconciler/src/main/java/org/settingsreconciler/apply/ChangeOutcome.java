package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;

/** What happened to one planned change during apply. */
public record ChangeOutcome(Change change, Status status, GraphError error) {

  public enum Status {
    APPLIED,
    FAILED,
    NOT_ATTEMPTED
  }
}
