package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.GraphTarget;
import org.settingsreconciler.run.UserError;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.settingsreconciler.files.AtomicFiles;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.tenant.TenantConfig;
import org.settingsreconciler.tenant.TenantEnvironment;
import org.settingsreconciler.tenant.TenantFile;
import org.settingsreconciler.tenant.TokenTenantCheck;
import tools.jackson.databind.JsonNode;

/**
 * Runs the command for one tenant: reads its tenant.yaml, gives it its own environment (credentials) and redaction
 * point, points it at its own Graph (its cloud, graphUrl, or with --sandbox its own sandbox seeded from sandboxSeed),
 * and runs the command in that scope, with {@code {tenant}} in file names the tenant's name.
 */
final class TenantRun {

  private final CliContext ctx;
  private final FleetCommand command;
  private final Path scratch;

  TenantRun(CliContext ctx, FleetCommand command, Path scratch) {
    this.ctx = ctx;
    this.command = command;
    this.scratch = scratch;
  }

  static String nameOf(Path dir) {
    return dir.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * Runs one tenant, printing to {@code out} and {@code err}.
   *
   * @param alone whether this is the run's only tenant, which then says which tenant it is on stderr
   */
  TenantOutcome run(Path dir, PrintStream out, PrintStream err, Terminal terminal, boolean alone) {
    List<ConfigError> errors = new ArrayList<>();
    TenantConfig tenant = TenantFile.read(dir, errors);
    if (tenant == null) {
      errors.stream().sorted().forEach(e -> err.println("error: " + e));
      err.println("The tenant file is invalid; nothing was sent to the tenant.");
      return failed(nameOf(dir), null);
    }
    if (alone) {
      err.println("Tenant " + tenant.name() + " (" + tenant.tenantId() + "), layers "
          + String.join(" > ", tenant.layers().stream().map(l -> l.name()).toList()) + ".");
    }
    TenantEnvironment env = TenantEnvironment.of(tenant, ctx.env());
    Optional<String> refused = refusal(tenant, env);
    if (refused.isPresent()) {
      err.println("error: " + refused.get());
      return failed(tenant.name(), tenant.tenantId());
    }
    GraphTarget graph;
    try {
      graph = graph(tenant);
    } catch (UserError e) {
      err.println("error: " + e.getMessage());
      return failed(tenant.name(), tenant.tenantId());
    }
    CliContext own = new CliContext(out, err, env.env(), terminal, alone, ctx.clock()).masked();
    RunScope scope = new RunScope(own, command.desired().source().forTenant(tenant), graph, tenant.name());
    FleetCommand.Outcome outcome;
    try {
      outcome = command.run(scope);
    } catch (RuntimeException e) {
      outcome = FleetCommand.Outcome.of(Main.failed(own, e));
    }
    own.out().flush();
    own.err().flush();
    // The fleet prints the tenant's JSON in its own document, past this tenant's masking streams: mask it here, with
    // the secrets this tenant's run learned (its variables, its tokens), as its stdout was.
    JsonNode json = outcome.json() == null ? null
        : PlanPrinter.JSON.readTree(own.secrets().mask(PlanPrinter.JSON.writeValueAsString(outcome.json())));
    return new TenantOutcome(tenant.name(), tenant.tenantId(), outcome.exit(), "", "",
        TenantOutcome.Counts.of(outcome.plan()), json);
  }

  private static TenantOutcome failed(String name, String tenantId) {
    return new TenantOutcome(name, tenantId, ExitCode.ERROR, "", "", null, null);
  }

  /** Why this tenant must not talk to Graph with the credentials it has, before anything is sent. */
  private Optional<String> refusal(TenantConfig tenant, TenantEnvironment env) {
    if (command.graph() == null || command.graph().sandbox) {
      return Optional.empty();
    }
    if (!env.missing().isEmpty()) {
      return Optional.of("tenant.yaml's credentials name " + String.join(", ", env.missing())
          + ", which the environment does not set; nothing was sent");
    }
    return TokenTenantCheck.problem(env.env().get("RECONCILER_ACCESS_TOKEN"), tenant.tenantId());
  }

  /**
   * Where this tenant's Graph is: the command line's options, with the tenant's sandbox state, or its cloud, tenant id
   * and graphUrl where the command line does not name them. Null for a command that does not talk to Graph.
   */
  private GraphTarget graph(TenantConfig tenant) {
    GraphOptions given = command.graph();
    if (given == null) {
      return null;
    }
    GraphTarget target = given.target();
    return target.sandbox() ? target.withSandboxState(sandboxState(tenant)) : target.forTenant(tenant);
  }

  /**
   * The sandbox state file of this tenant: --sandbox-state (with {tenant} filled in), else a temporary file when
   * tenant.yaml names a seed, else null (the demo tenant). A state file that does not exist yet starts as the seed:
   * apply writes the seed there; any other command leaves it alone and reads a temporary copy.
   */
  private Path sandboxState(TenantConfig tenant) {
    Path given = command.graph().sandboxState;
    Path scratchCopy = scratch.resolve(tenant.name() + ".json");
    Path state = given != null ? Path.of(given.toString().replace("{tenant}", tenant.name()))
        : tenant.sandboxSeed() == null ? null : scratchCopy;
    if (state != null && tenant.sandboxSeed() != null && !Files.exists(state, LinkOption.NOFOLLOW_LINKS)) {
      if (!state.equals(scratchCopy) && !(command instanceof ApplyCommand)) {
        state = scratchCopy; // only apply writes the sandbox state file
      }
      try {
        AtomicFiles.writeOwnerOnly(state, UserFile.read(tenant.sandboxSeed(), UserFile.Kind.SANDBOX_SEED));
      } catch (IOException e) {
        throw new UserError("cannot seed the sandbox of " + tenant.name() + ": " + e.getMessage());
      }
    }
    return state;
  }
}
