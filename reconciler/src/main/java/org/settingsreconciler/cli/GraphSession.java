package org.settingsreconciler.cli;

import java.io.IOException;
import java.net.URI;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.Planner;
import org.settingsreconciler.plan.Targets;
import org.settingsreconciler.state.StateReader;
import org.settingsreconciler.sandbox.GraphSandbox;

/** A connection to Graph for one command: the real service, or an in-process sandbox that ends with the command. */
final class GraphSession implements AutoCloseable {

  /** The sandbox checks only that a bearer token is present. */
  private static final String SANDBOX_TOKEN = "sandbox";

  private final GraphClient client;
  private final GraphSandbox sandbox;
  private final String origin;

  private GraphSession(GraphClient client, GraphSandbox sandbox, String origin) {
    this.client = client;
    this.sandbox = sandbox;
    this.origin = origin;
  }

  static GraphSession open(GraphOptions options, CliContext ctx) {
    Throughput throughput = options.throughput();
    if (options.sandbox) {
      if (!GraphOptions.DEFAULT_GRAPH_URL.equals(options.graphUrl)) {
        throw new UserError("--sandbox and --graph-url cannot be used together");
      }
      try {
        GraphSandbox sandbox = GraphSandbox.start(0, options.sandboxState, null);
        GraphClient client = new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of(SANDBOX_TOKEN), throughput);
        String origin = "the sandbox tenant" + (options.sandboxState == null ? "" : " (" + options.sandboxState + ")");
        return new GraphSession(client, sandbox, origin);
      } catch (IOException e) {
        throw new UserError("cannot start the sandbox: " + e.getMessage());
      }
    }
    if (options.sandboxState != null) {
      throw new UserError("--sandbox-state needs --sandbox");
    }
    URI root = options.graphRoot();
    return new GraphSession(
        new GraphClient(root, StaticTokenProvider.fromEnvironment(ctx.env()), throughput), null, root.toString());
  }

  /** Reads what the desired state manages and plans it: the one planning path of plan, apply and check. */
  Plan plan(DesiredState state, Targets targets) {
    return targets.narrow(new Planner(new StateReader(client)).plan(state));
  }

  GraphClient client() {
    return client;
  }

  /** Where the state comes from, for headings: a URL or "the sandbox tenant". */
  String origin() {
    return origin;
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
