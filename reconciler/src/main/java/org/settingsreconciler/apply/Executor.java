package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphResult;
import org.settingsreconciler.graph.GraphResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.settingsreconciler.graph.Bulk;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.ChangeOrder;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.state.ErrorExplainer;

/**
 * Sends planned changes, each exactly as planned. Changes are independent unless the plan says otherwise, so they go
 * at once (batched, concurrently) and a failure does not stop the others. A change is sent only once its
 * prerequisites ({@link ChangeOrder}) succeeded: the change before it to the same address (a reset, then the delete
 * Graph allows only after it), and the changes it depends on (a profile source's create before the precedence list
 * that names it). It is never sent beside them in one batch, since it waits for their answers; and it is not sent at
 * all when one failed or got no clear answer, since it was planned on them having worked. Outcomes are reported in
 * plan order, whatever order the answers arrive in.
 */
public final class Executor {

  private final GraphClient client;

  public Executor(GraphClient client) {
    this.client = client;
  }

  public List<ChangeOutcome> run(List<Change> changes, ChangeListener listener) {
    return run(changes, listener, known -> { });
  }

  /**
   * As {@link #run(List, ChangeListener)}, and tells {@code known} how many outcomes are known each time one more
   * is, in whatever order the answers come (the listener hears them in plan order, which can wait on a slow one).
   */
  public List<ChangeOutcome> run(List<Change> changes, ChangeListener listener, IntConsumer known) {
    ChangeOutcome[] outcomes = new ChangeOutcome[changes.size()];
    List<Set<Integer>> before = ChangeOrder.prerequisites(changes);
    int[] waiting = new int[changes.size()];
    List<List<Integer>> after = new ArrayList<>();
    changes.forEach(c -> after.add(new ArrayList<>()));
    for (int i = 0; i < changes.size(); i++) {
      waiting[i] = before.get(i).size();
      for (int j : before.get(i)) {
        after.get(j).add(i);
      }
    }
    Sending sending = new Sending(client.bulk(), changes, outcomes, after, waiting,
        new Reporter(outcomes, listener, known));
    for (int i = 0; i < changes.size(); i++) {
      if (waiting[i] == 0) {
        sending.send(i);
      }
    }
    sending.bulk.run();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        // Only dependencies that wait on each other leave a change unsent; a plan never holds them.
        outcomes[i] = ChangeOutcome.notAttempted(changes.get(i), "not sent: its dependencies wait on each other");
      }
    }
    sending.reporter.flush();
    return Arrays.asList(outcomes);
  }

  /** Changes with the same key are sent one after the other, in plan order. */
  static String chainKey(Change c) {
    return ChangeOrder.objectKey(c.address());
  }

  /** One run's sending: each change goes once its prerequisites succeeded, or is not sent because one did not. */
  private static final class Sending {
    final Bulk bulk;
    final List<Change> changes;
    final ChangeOutcome[] outcomes;
    final List<List<Integer>> after;
    final int[] waiting;
    final Reporter reporter;

    Sending(Bulk bulk, List<Change> changes, ChangeOutcome[] outcomes, List<List<Integer>> after, int[] waiting,
        Reporter reporter) {
      this.bulk = bulk;
      this.changes = changes;
      this.outcomes = outcomes;
      this.after = after;
      this.waiting = waiting;
      this.reporter = reporter;
    }

    void send(int index) {
      Change c = changes.get(index);
      bulk.send(c.request(), o -> {
        outcomes[index] = outcome(c, o);
        reporter.known(1);
        for (int next : after.get(index)) {
          if (!o.ok()) {
            notSent(next, c, o.error().maybeApplied());
          } else if (--waiting[next] == 0 && outcomes[next] == null) {
            send(next);
          }
        }
        reporter.flush();
      });
    }

    /** {@code index} is not sent, nor anything that waits on it, as {@code cause} did not work. */
    private void notSent(int index, Change cause, boolean unclear) {
      if (outcomes[index] != null) {
        return;
      }
      Change c = changes.get(index);
      String that = unclear ? "that got no clear answer" : "that failed";
      String why = chainKey(c).equals(chainKey(cause))
          ? "not sent: it was planned on the " + cause.method() + " before it to the same address working, and " + that
          : "not sent: it depends on the " + cause.method() + " of " + cause.address() + " working, and " + that;
      outcomes[index] = ChangeOutcome.notAttempted(c, why);
      reporter.known(1);
      for (int next : after.get(index)) {
        notSent(next, cause, unclear);
      }
    }
  }

  private static ChangeOutcome outcome(Change c, GraphResult<GraphResponse> o) {
    if (o.ok()) {
      return new ChangeOutcome(c, ChangeOutcome.Status.APPLIED, null, o.value().body(), null);
    }
    ChangeOutcome.Status status =
        o.error().maybeApplied() ? ChangeOutcome.Status.MAYBE_APPLIED : ChangeOutcome.Status.FAILED;
    Operation op = c.operation();
    return new ChangeOutcome(c, status, ErrorExplainer.explain(c.resource().descriptor(), o.error(), op));
  }

  /** Passes outcomes on in plan order: each as soon as every earlier one is known. */
  private static final class Reporter {
    private final ChangeOutcome[] outcomes;
    private final ChangeListener listener;
    private final IntConsumer knownSoFar;
    private int next;
    private int known;

    Reporter(ChangeOutcome[] outcomes, ChangeListener listener, IntConsumer knownSoFar) {
      this.outcomes = outcomes;
      this.listener = listener;
      this.knownSoFar = knownSoFar;
    }

    void known(int more) {
      known += more;
      knownSoFar.accept(known);
    }

    void flush() {
      while (next < outcomes.length && outcomes[next] != null) {
        listener.done(outcomes[next++]);
      }
    }
  }

  /** Hears of each outcome in plan order, as soon as it and all before it are known: a long apply shows progress. */
  @FunctionalInterface
  public interface ChangeListener {
    void done(ChangeOutcome outcome);
  }
}
