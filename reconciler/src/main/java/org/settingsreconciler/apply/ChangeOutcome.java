package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;
import tools.jackson.databind.JsonNode;

/**
 * How sending one planned change ended, as Graph answered it; what the tenant then shows is for {@link
 * WriteVerifier} to find out.
 *
 * @param error Graph's error when the change failed or may have been applied, else null
 * @param answer Graph's answer body to a write that worked (a create's answer holds the new item's id), or null
 * @param reason why a change was not attempted, else null
 */
public record ChangeOutcome(Change change, Status status, GraphError error, JsonNode answer, String reason) {

  public ChangeOutcome(Change change, Status status, GraphError error) {
    this(change, status, error, null, null);
  }

  public enum Status {
    /** Graph answered with success. */
    APPLIED,
    /** Graph answered with an error that says the write was not made. */
    FAILED,
    /** The answer was lost (a timeout, a 504): the write may or may not have been made, and was not sent again. */
    MAYBE_APPLIED,
    /** Not sent: see {@link #reason()}. */
    NOT_ATTEMPTED
  }

  public static ChangeOutcome notAttempted(Change change, String reason) {
    return new ChangeOutcome(change, Status.NOT_ATTEMPTED, null, null, reason);
  }

  public ChangeOutcome withError(GraphError e) {
    return new ChangeOutcome(change, status, e, answer, reason);
  }
}
