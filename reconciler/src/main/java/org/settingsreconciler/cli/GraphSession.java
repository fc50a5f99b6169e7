package org.settingsreconciler.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.settingsreconciler.apply.ChangeOutcome;
import org.settingsreconciler.auth.PermissionPreflight;
import org.settingsreconciler.auth.SignIn;
import org.settingsreconciler.auth.SignInContext;
import org.settingsreconciler.graph.CredentialException;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.Sleeper;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.Planner;
import org.settingsreconciler.plan.ReadFailure;
import org.settingsreconciler.resolve.GroupLookupException;
import org.settingsreconciler.resolve.UnresolvedGroupsException;
import org.settingsreconciler.state.AccessCheck;
import org.settingsreconciler.state.StateReader;
import org.settingsreconciler.sandbox.Fault;
import org.settingsreconciler.sandbox.GraphSandbox;

/** A connection to Graph for one command: the real service, or an in-process sandbox that ends with the command. */
final class GraphSession implements AutoCloseable {

  /** The sandbox checks only that a bearer token is present. */
  private static final String SANDBOX_TOKEN = "sandbox";

  private final GraphClient client;
  private final GraphSandbox sandbox;
  private final String origin;
  /** Null for the sandbox, which accepts any token and needs no preflight. */
  private final SignIn signIn;
  private final CliContext ctx;
  private boolean announced;

  private GraphSession(GraphClient client, GraphSandbox sandbox, String origin, SignIn signIn, CliContext ctx) {
    this.client = client;
    this.sandbox = sandbox;
    this.origin = origin;
    this.signIn = signIn;
    this.ctx = ctx;
    if ("1".equals(ctx.env().get("RECONCILER_DEBUG"))) {
      client.debugTo(line -> ctx.err().println("debug: " + line));
    }
  }

  static GraphSession open(GraphOptions options, CliContext ctx) {
    Throughput throughput = options.throughput();
    ClientTuning tuning = ClientTuning.from(ctx.env());
    if (options.sandbox) {
      if (options.graphUrl != null) {
        throw new UserError("--sandbox and --graph-url cannot be used together");
      }
      GraphSandbox sandbox;
      try {
        sandbox = GraphSandbox.start(0, options.sandboxState, null);
      } catch (IOException e) {
        throw new UserError("cannot start the sandbox: " + e.getMessage());
      }
      for (Fault f : options.sandboxFaults) {
        sandbox.injectFault(f);
        ctx.err().println("note: sandbox fault armed: " + f.describe());
      }
      GraphClient client = new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of(SANDBOX_TOKEN), tuning.retry(),
          Sleeper.REAL, throughput, tuning.timeout());
      String origin = "the sandbox tenant" + (options.sandboxState == null ? "" : " (" + options.sandboxState + ")");
      return new GraphSession(client, sandbox, origin, null, ctx);
    }
    if (options.sandboxState != null) {
      throw new UserError("--sandbox-state needs --sandbox");
    }
    if (!options.sandboxFaults.isEmpty()) {
      throw new UserError("--sandbox-fault needs --sandbox; to try faults with another client, run the sandbox on its "
          + "own: reconciler sandbox --fault SPEC");
    }
    URI root = options.graphRoot();
    SignIn signIn;
    try {
      signIn =
          SignIn.prepare(
              SignInContext.of(
                  options.auth, options.cloud.tenant, options.cloud.cloud, ctx.env(), ctx.err(),
                  ctx.terminal().interactive()));
    } catch (CredentialException e) {
      throw new UserError(e.getMessage());
    }
    GraphClient client =
        new GraphClient(root, signIn.credential(), tuning.retry(), Sleeper.REAL, throughput, tuning.timeout());
    return new GraphSession(client, null, root.toString(), signIn, ctx);
  }

  /**
   * Reads what the desired state manages and plans it: the one planning path of plan, apply and check. Settings
   * the cloud lacks stop it before sign-in; settings the token cannot read are not read (see {@link #reader()}).
   */
  Plan plan(DesiredState state) {
    if (signIn != null) {
      List<String> problems = PermissionPreflight.cloudProblems(state, signIn.context().cloud());
      if (!problems.isEmpty()) {
        problems.forEach(p -> ctx.err().println("error: " + p));
        throw new UserError(
            "nothing was sent: remove these settings from the desired state for this cloud, or narrow the run "
                + "with --target");
      }
    }
    try {
      return new Planner(reader()).plan(state);
    } catch (UnresolvedGroupsException e) {
      e.errors().forEach(error -> ctx.err().println("error: " + error));
      throw new UserError((e.errors().size() == 1 ? "1 group name" : e.errors().size() + " group names")
          + " could not be resolved; " + sentSoFar());
    } catch (GroupLookupException e) {
      throw new UserError("could not look up the Entra group" + (e.names().size() == 1 ? " " : "s ")
          + String.join(", ", e.names().stream().map(n -> "\"" + n + "\"").toList())
          + " that the desired state names, so nothing was planned: " + e.error().describe() + "; " + sentSoFar());
    }
  }

  /**
   * What a run that stops before any write can truly say it sent: nothing at all while every request failed before
   * leaving (a refused connection, say), else that reads went out and nothing was written.
   */
  String sentSoFar() {
    return client.anythingSent()
        ? "nothing was written to the tenant (only reads were sent)"
        : "nothing was sent to the tenant";
  }

  /**
   * A state reader that signs in first and sends no read the permission preflight refuses (an app-only token and a
   * delegated-only setting, a missing permission, a setting the cloud lacks): those are recorded as not read.
   */
  StateReader reader() {
    PermissionPreflight p = preflight();
    return new StateReader(client, p == null ? AccessCheck.NONE : p);
  }

  /** The planned writes the token lacks permission for, one line per setting type, before any write. */
  List<String> writeRefusals(List<Change> changes) {
    PermissionPreflight p = preflight();
    return p == null ? List.of() : p.writeRefusals(changes);
  }

  /** A failed write, with what the token lacks when Graph refused it (403). */
  ChangeOutcome explained(ChangeOutcome o) {
    PermissionPreflight p = preflight();
    if (p == null || o.error() == null) {
      return o;
    }
    return o.withError(p.explain(o.change().resource().descriptor(), o.error(), true));
  }

  /** Signs in on first use and says how on stderr; null for the sandbox. */
  private PermissionPreflight preflight() {
    if (signIn == null) {
      return null;
    }
    try {
      PermissionPreflight p = signIn.preflight();
      if (!announced) {
        announced = true;
        ctx.err().println(signIn.summary());
      }
      return p;
    } catch (CredentialException e) {
      throw new UserError("sign-in failed; " + (client.anythingSent() ? "nothing more" : "nothing") + " was sent to "
          + "Graph: " + e.getMessage());
    }
  }

  /** After a plan or export: which settings the token could not read and how to get the access, on stderr. */
  void adviseOn(List<ReadFailure> failures) {
    if (signIn == null) {
      return;
    }
    preflight().advice(failures).ifPresent(a -> {
      ctx.err().println();
      ctx.err().println(a);
    });
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
