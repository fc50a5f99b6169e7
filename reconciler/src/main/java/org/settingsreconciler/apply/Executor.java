package org.settingsreconciler.apply;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.state.ErrorExplainer;

/**
 * Sends planned changes, each exactly as planned. The changes of one plan are independent of one another, so a
 * failure is recorded and the rest still go; the caller reports every outcome.
 */
public final class Executor {

  private final GraphClient client;

  public Executor(GraphClient client) {
    this.client = client;
  }

  public List<ChangeOutcome> run(List<Change> changes, ChangeListener listener) {
    List<ChangeOutcome> outcomes = new ArrayList<>();
    for (Change c : changes) {
      ChangeOutcome outcome;
      try {
        client.send(c.request());
        outcome = new ChangeOutcome(c, ChangeOutcome.Status.APPLIED, null);
      } catch (GraphException e) {
        outcome =
            new ChangeOutcome(
                c, ChangeOutcome.Status.FAILED, ErrorExplainer.explain(c.resource().descriptor(), e.error(), true));
      }
      outcomes.add(outcome);
      listener.done(outcome);
    }
    return outcomes;
  }

  /** Hears of each outcome as it happens, so a long apply shows progress. */
  @FunctionalInterface
  public interface ChangeListener {
    void done(ChangeOutcome outcome);
  }
}
