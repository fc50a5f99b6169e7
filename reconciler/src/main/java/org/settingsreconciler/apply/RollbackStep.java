package org.settingsreconciler.apply;

import java.util.List;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.plan.Change;

/**
 * What {@code --rollback-on-failure} did about one applied change.
 *
 * @param requests the changes that undo it: sent, unless the rails refused them (none when there are no such
 *     changes, such as for an item whose new id is unknown)
 * @param undone whether every one of them worked
 * @param detail what happened, in words
 * @param error Graph's error for the request that did not work, or null
 */
public record RollbackStep(List<Change> requests, boolean undone, String detail, GraphError error) {

  public RollbackStep {
    requests = List.copyOf(requests);
  }

  static RollbackStep notPossible(String why) {
    return new RollbackStep(List.of(), false, why, null);
  }
}
