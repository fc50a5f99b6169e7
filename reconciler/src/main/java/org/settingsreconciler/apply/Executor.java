package org.settingsreconciler.apply;

import org.settingsreconciler.graph.GraphResult;
import org.settingsreconciler.graph.GraphResponse;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.settingsreconciler.graph.Bulk;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.state.ErrorExplainer;

/**
 * Sends planned changes, each exactly as planned. Changes to different addresses are independent, so they all go
 * at once (batched, concurrently) and a failure does not stop the others. Changes to the same address (a reset,
 * then the delete Graph allows only after it) go one after the other in plan order, and a later one is not sent
 * when an earlier one failed or got no clear answer, since it was planned on the earlier one having worked.
 * Outcomes are reported in plan order, whatever order the answers arrive in.
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
    Map<String, Deque<Integer>> chains = new LinkedHashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      // Keys that differ only in case may name the same object in Graph: keep them in one chain to be safe.
      chains.computeIfAbsent(chainKey(changes.get(i)), k -> new ArrayDeque<>()).add(i);
    }
    Reporter reporter = new Reporter(outcomes, listener, known);
    Bulk bulk = client.bulk();
    chains.values().forEach(chain -> sendNext(bulk, chain, changes, outcomes, reporter));
    bulk.run();
    return Arrays.asList(outcomes);
  }

  /** Changes with the same key are sent one after the other, in plan order. */
  static String chainKey(Change c) {
    return c.address().toLowerCase(Locale.ROOT);
  }

  private static void sendNext(
      Bulk bulk, Deque<Integer> chain, List<Change> changes, ChangeOutcome[] outcomes, Reporter reporter) {
    Integer index = chain.poll();
    if (index == null) {
      return;
    }
    Change c = changes.get(index);
    bulk.send(c.request(), o -> {
      outcomes[index] = outcome(c, o);
      reporter.known(1);
      if (o.ok()) {
        sendNext(bulk, chain, changes, outcomes, reporter);
      } else {
        String why = "not sent: it was planned on the " + c.method() + " before it to the same address working, and "
            + (o.error().maybeApplied() ? "that got no clear answer" : "that failed");
        chain.forEach(later -> outcomes[later] = ChangeOutcome.notAttempted(changes.get(later), why));
        reporter.known(chain.size());
        chain.clear();
      }
      reporter.flush();
    });
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
