package org.settingsreconciler.run;

import org.settingsreconciler.text.Plural;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.settingsreconciler.apply.ChangeOutcome;
import org.settingsreconciler.apply.CreateLedger;
import org.settingsreconciler.access.PermissionPreflight;
import org.settingsreconciler.auth.SignIn;
import org.settingsreconciler.auth.SignInContext;
import org.settingsreconciler.auth.TokenClaims;
import org.settingsreconciler.graph.CredentialException;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.Sleeper;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.graph.Throughput;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.Planner;
import org.settingsreconciler.plan.RecentCreates;
import org.settingsreconciler.plan.ReadFailure;
import org.settingsreconciler.plan.UnresolvedReferencesException;
import org.settingsreconciler.resolve.NameLookupException;
import org.settingsreconciler.resolve.UnresolvedNamesException;
import org.settingsreconciler.state.AccessCheck;
import org.settingsreconciler.state.Organization;
import org.settingsreconciler.state.StateReader;
import org.settingsreconciler.state.VersionCheck;
import org.settingsreconciler.sandbox.Fault;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.tenant.TenantIdentity;

/** A connection to Graph for one command: the real service, or an in-process sandbox that ends with the command. */
public final class GraphSession implements AutoCloseable {

  /** The sandbox checks only that a bearer token is present. */
  private static final String SANDBOX_TOKEN = "sandbox";

  private final GraphClient client;
  private final GraphSandbox sandbox;
  /** The Graph root for a saved plan's binding: the URL, or {@link TenantIdentity#SANDBOX_ROOT}. */
  private final String root;
  /** Said after the tenant in headings: the sandbox's state file, if any. */
  private final String where;
  /** Null for the sandbox, which accepts any token and needs no preflight. */
  private final SignIn signIn;
  private final RunContext ctx;
  /** What names this tenant's Graph in the ledger of recent creates; null where nothing is worth remembering. */
  private final String ledgerRoot;
  private CreateLedger ledger;
  /**
   * The rates earlier runs learned against this Graph root, tenant and app (see {@link RateMemory}); opened once the
   * token says which tenant and app, before the first request. Never for {@code --sandbox}: nothing there is throttled
   * unless a test says so, and no tenant's entries should be a sandbox's.
   */
  private RateMemory rates;
  /** Built from the token once signed in (said on stderr then); null before, and for the sandbox. */
  private PermissionPreflight preflight;
  private CompletableFuture<TenantIdentity> identity;

  private GraphSession(GraphClient client, GraphSandbox sandbox, String root, String where, SignIn signIn,
      RunContext ctx, String ledgerRoot) {
    this.client = client;
    this.sandbox = sandbox;
    this.root = root;
    this.where = where;
    this.signIn = signIn;
    this.ctx = ctx;
    this.ledgerRoot = ledgerRoot;
    if ("1".equals(ctx.env().get("RECONCILER_DEBUG"))) {
      client.debugTo(ctx.view()::debug);
    }
  }

  /** What a command does with the tenant: only apply changes it, and only then is the sandbox's state file written. */
  public enum Purpose {
    READ,
    APPLY
  }

  public static GraphSession open(GraphTarget options, RunContext ctx, Purpose purpose) {
    Throughput throughput = options.throughput();
    ClientTuning tuning = ClientTuning.from(ctx.env());
    if (options.sandbox()) {
      if (options.graphUrl() != null) {
        throw new UserError("--sandbox and --graph-url cannot be used together");
      }
      GraphSandbox sandbox;
      try {
        sandbox = GraphSandbox.start(0, options.sandboxState(), null, purpose == Purpose.APPLY);
      } catch (IOException e) {
        throw new UserError("cannot start the sandbox: " + e.getMessage());
      }
      GraphClient client = new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of(SANDBOX_TOKEN), tuning.retry(),
          Sleeper.REAL, throughput, tuning.timeout(), tuning.rate());
      for (Fault f : options.sandboxFaults()) {
        sandbox.injectFault(f);
        ctx.view().note("sandbox fault armed: " + f.describe());
        FaultVersionCheck.problem(f, client.versions())
            .ifPresent(p -> ctx.view().warning("sandbox fault " + f.method() + " " + f.path() + ": " + p));
      }
      String where = options.sandboxState() == null ? "" : " (" + options.sandboxStateName() + ")";
      // A sandbox without a state file is new each run: there is no later run to keep from creating twice.
      String ledgerRoot = options.sandboxState() == null ? null
          : "sandbox:" + options.sandboxState().toAbsolutePath().normalize();
      return new GraphSession(client, sandbox, TenantIdentity.SANDBOX_ROOT, where, null, ctx, ledgerRoot);
    }
    if (options.sandboxState() != null) {
      throw new UserError("--sandbox-state needs --sandbox");
    }
    if (!options.sandboxFaults().isEmpty()) {
      throw new UserError("--sandbox-fault needs --sandbox; to try faults with another client, run the sandbox on its "
          + "own: reconciler sandbox --fault SPEC");
    }
    URI root = options.graphRoot();
    // Graph takes bearer tokens only, so a user and password in the URL are a mistake; they are credentials anyway.
    if (root.getRawUserInfo() != null) {
      ctx.secrets().addCredential(root.getRawUserInfo());
      ctx.secrets().addCredential(root.getUserInfo());
      String info = root.getUserInfo();
      ctx.secrets().addCredential(info.contains(":") ? info.substring(info.indexOf(':') + 1) : null);
    }
    SignIn signIn;
    try {
      signIn =
          SignIn.prepare(
              SignInContext.of(
                  options.auth(), options.tenant(), options.cloudOrGlobal(), ctx.env(), ctx.prompts(),
                  ctx.interactive(), ctx.secrets()));
    } catch (CredentialException e) {
      throw new UserError(e.getMessage());
    }
    // Requests go to the root without them: the server is not sent a password it does not use (HTTP/2 would carry
    // it in :authority, and a server may refuse such an authority).
    URI sent = URI.create(TenantIdentity.withoutUserInfo(root.toString()));
    GraphClient client =
        new GraphClient(sent, signIn.credential(), tuning.retry(), Sleeper.REAL, throughput, tuning.timeout(),
            tuning.rate());
    // The ledger names the tenant's Graph, whichever version a run uses: a create sent through v1.0 is as recent to
    // a run pinned to beta.
    return new GraphSession(client, null, root.toString(), "", signIn, ctx,
        VersionChoice.withoutVersion(root.toString()));
  }

  /**
   * Reads what the desired state manages and plans it: the one planning path of plan, apply and check. Settings
   * the cloud, or the Graph version the root names, lacks stop it before sign-in; settings the token cannot read are not read (see {@link #reader()}).
   */
  public Plan plan(DesiredState state) {
    return plan(state, false);
  }

  /**
   * As {@link #plan(DesiredState)}; a create an earlier apply sent moments ago, which Graph does not show yet, is
   * held back (not planned again) unless {@code recreatePending}.
   */
  public Plan plan(DesiredState state, boolean recreatePending) {
    List<String> versionProblems = VersionCheck.problems(state, client.versions());
    if (!versionProblems.isEmpty()) {
      versionProblems.forEach(ctx.view()::error);
      throw new UserError("nothing was sent: give --graph-url without a version (each setting then goes to the "
          + "version it exists in), or remove these settings from the desired state, or narrow the run with --target");
    }
    if (signIn != null) {
      List<String> problems = PermissionPreflight.cloudProblems(state, signIn.context().cloud());
      if (!problems.isEmpty()) {
        problems.forEach(ctx.view()::error);
        throw new UserError(
            "nothing was sent: remove these settings from the desired state for this cloud, or narrow the run "
                + "with --target");
      }
    }
    StateReader reader = reader();
    startIdentity();
    try {
      return new Planner(reader, recreatePending ? RecentCreates.NONE : ledger()).plan(state,
          ctx.view().readProgress());
    } catch (UnresolvedNamesException e) {
      e.errors().forEach(error -> ctx.view().error(String.valueOf(error)));
      throw new UserError(e.count() + " could not be resolved; " + sentSoFar());
    } catch (UnresolvedReferencesException e) {
      e.errors().forEach(error -> ctx.view().error(String.valueOf(error)));
      throw new UserError((Plural.count(e.errors().size(), "value") + Plural.pick(e.errors().size(), " names", " name"))
          + " what will not exist, so nothing was planned; " + sentSoFar());
    } catch (NameLookupException e) {
      throw new UserError("could not look up the " + Plural.noun(e.names().size(), e.kind().noun()) + " "
          + String.join(", ", e.names().stream().map(n -> "\"" + n + "\"").toList())
          + " that the desired state names, so nothing was planned: " + e.error().describe() + "; " + sentSoFar());
    }
  }

  /**
   * What a run that stops before any write can truly say it sent: nothing at all while every request failed before
   * leaving (a refused connection, say), else that reads went out and nothing was written.
   */
  public String sentSoFar() {
    return client.anythingSent()
        ? "nothing was written to the tenant (only reads were sent)"
        : "nothing was sent to the tenant";
  }

  /**
   * The ledger of this tenant's recent creates (see apply.CreateLedger), named by the Graph root and the tenant:
   * the signed-in token's tenant where known, else the configured one. Off for a sandbox without a state file and
   * where the environment names no config directory.
   */
  public CreateLedger ledger() {
    if (ledger == null) {
      ledger = ledgerRoot == null ? CreateLedger.off() : CreateLedgers.open(ctx, ledgerRoot, tenant());
    }
    return ledger;
  }

  /** The tenant id as far as it is known: the token's, else --tenant or AZURE_TENANT_ID, else null. */
  private String tenant() {
    if (signIn == null) {
      return null;
    }
    PermissionPreflight p = preflight();
    return p.claims().map(TokenClaims::tenantId).filter(t -> !t.isBlank()).orElse(signIn.context().tenant());
  }

  /**
   * A state reader that signs in first and sends no read the permission preflight refuses (an app-only token and a
   * delegated-only setting, a missing permission, a setting the cloud lacks): those are recorded as not read. The
   * paths under the tenant's organization object hold the id of the tenant this session names (the token's, else
   * {@code GET /organization}'s), read once for both.
   */
  public StateReader reader() {
    PermissionPreflight p = preflight();
    return new StateReader(client, p == null ? AccessCheck.NONE : p, () -> identity().tenantId());
  }

  /** The planned writes the token lacks permission for, one line per setting type, before any write. */
  public List<String> writeRefusals(List<Change> changes) {
    PermissionPreflight p = preflight();
    return p == null ? List.of() : p.writeRefusals(changes);
  }

  /** A failed write, with what the token lacks when Graph refused it (403). */
  public ChangeOutcome explained(ChangeOutcome o) {
    PermissionPreflight p = preflight();
    if (p == null || o.error() == null) {
      return o;
    }
    Change c = o.change();
    return o.withError(p.explain(c.resource().descriptor(), o.error(), c.operation()));
  }

  /** Signs in on first use and says how on stderr; null for the sandbox. */
  private synchronized PermissionPreflight preflight() {
    if (signIn == null) {
      return null;
    }
    try {
      Optional<TokenClaims> claims = signIn.claims();
      if (preflight == null) {
        preflight = new PermissionPreflight(claims, signIn.context().cloud(), signIn::delegatedHint);
        ctx.view().say(signIn.summary());
        startAtRememberedRates(claims);
      }
      return preflight;
    } catch (CredentialException e) {
      throw new UserError("sign-in failed; " + (client.anythingSent() ? "nothing more" : "nothing") + " was sent to "
          + "Graph: " + e.getMessage());
    }
  }

  /**
   * Starts the client at the rates earlier runs learned for this tenant and app: the token's tenant and app (client)
   * id, else the configured ones. Named by {@link #ledgerRoot}, the Graph root without user info or version.
   */
  private void startAtRememberedRates(Optional<TokenClaims> claims) {
    String tenant = claims.map(TokenClaims::tenantId).filter(t -> !t.isBlank()).orElse(signIn.context().tenant());
    String app = claims.map(TokenClaims::appId).filter(a -> !a.isBlank())
        .orElse(ctx.env().get(SignInContext.CLIENT_ID));
    rates = RateMemory.open(ctx, TenantIdentity.withoutUserInfo(ledgerRoot), tenant, app).orElse(null);
    if (rates != null) {
      Map<String, Double> remembered = rates.read();
      if (!remembered.isEmpty()) {
        client.startAt(remembered);
        if ("1".equals(ctx.env().get("RECONCILER_DEBUG"))) {
          remembered.forEach((w, r) -> ctx.view().debug(String.format(java.util.Locale.ROOT,
              "pace: %s: starting at %.1f requests a second, learned by an earlier run (%s)", w, r, rates.file())));
        }
      }
    }
  }

  /** After a plan or export: which settings the token could not read and how to get the access, on stderr. */
  public void adviseOn(List<ReadFailure> failures) {
    if (signIn == null) {
      return;
    }
    preflight().advice(failures).ifPresent(a -> {
      ctx.view().say("");
      ctx.view().say(a);
    });
  }

  public GraphClient client() {
    return client;
  }

  /**
   * Where the state comes from, for headings and the apply prompt: the Graph root, the tenant (name and id) and who
   * is signed in; or the sandbox tenant.
   */
  public String origin() {
    return identity().describe() + where;
  }

  /** The Graph root, or "the sandbox tenant" and its state file: where reports say the run went. */
  public String place() {
    return TenantIdentity.SANDBOX_ROOT.equals(root) ? "the sandbox tenant" + where : root;
  }

  /** Which tenant this session reads and writes, and as whom (signs in first, if it has not yet). */
  public TenantIdentity identity() {
    startIdentity();
    return identity.join();
  }

  /**
   * Starts reading who the tenant is ({@code GET /organization}) alongside the reads that follow, so naming the
   * tenant costs no round trip of its own. Signs in first, on this thread, as every read would.
   */
  private void startIdentity() {
    if (identity != null) {
      return;
    }
    PermissionPreflight p = preflight();
    Optional<TokenClaims> claims =
        p == null ? Optional.empty() : p.claims();
    String tokenTenant = claims.map(TokenClaims::tenantId).orElse(null);
    String who = signIn == null ? null : claims.map(GraphSession::who).orElse("the holder of " + signIn.credential().description());
    identity = CompletableFuture.supplyAsync(() -> {
      Organization org = Organization.read(client);
      if (tokenTenant == null) {
        return new TenantIdentity(org.id(), org.displayName(), root, who);
      }
      // The token's tenant is the one written to; an organization Graph answers for another id (or for none) must
      // not lend that tenant its name.
      boolean same = tokenTenant.equalsIgnoreCase(org.id() == null ? "" : org.id());
      return new TenantIdentity(tokenTenant, same ? org.displayName() : null, root, who);
    });
  }

  private static String who(TokenClaims c) {
    if (c.appOnly()) {
      return "app " + (c.appId() == null ? "(id unknown)" : c.appId());
    }
    return c.user() != null ? c.user() : "a user (the token names none)";
  }

  @Override
  public void close() {
    // No request outlives its command: a run that stopped before it named the tenant (a failed group lookup, say)
    // waits for the organization read it started, rather than leave it to reach the server after the run ended.
    if (identity != null) {
      identity.handle((done, failed) -> done).join();
    }
    if (rates != null) {
      try {
        rates.write(client.learnedRates());
      } catch (java.io.IOException | RuntimeException e) {
        ctx.view().warning("could not remember the rates Graph allowed (" + rates.file() + "): " + e.getMessage());
      }
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
