package org.settingsreconciler.run.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.settingsreconciler.files.AtomicFiles;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.run.GraphSession;
import org.settingsreconciler.run.GraphTarget;
import org.settingsreconciler.run.RunOutcome;
import org.settingsreconciler.run.RunView;
import org.settingsreconciler.run.UserError;
import org.settingsreconciler.tenant.TenantConfig;
import org.settingsreconciler.tenant.TenantEnvironment;
import org.settingsreconciler.tenant.TenantFile;
import org.settingsreconciler.tenant.TokenTenantCheck;

/**
 * One tenant of a fleet: reads its tenant.yaml and makes its request (its own environment with its credentials, its
 * layers and variables, its own Graph: its cloud, graphUrl, or with a sandbox its own, seeded from sandboxSeed), then
 * has the command run it. A tenant that cannot run says why and fails alone; nothing is sent for it.
 */
final class TenantRun {

  private final FleetUseCase.Request fleet;
  /** Where sandboxes seeded from tenant.yaml keep their state during the run. */
  private final Path scratch;

  TenantRun(FleetUseCase.Request fleet, Path scratch) {
    this.fleet = fleet;
    this.scratch = scratch;
  }

  /** A tenant's name: its directory's. */
  static String nameOf(Path dir) {
    return dir.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * Runs the tenant in {@code dir}, telling {@code view} why it cannot when it cannot.
   *
   * @param alone whether this is the run's only tenant, which then says which tenant it is
   */
  <O extends RunOutcome, V extends RunView> TenantOutcome<O> run(Path dir, FleetUseCase.Tenants<O, V> tenants, V view,
      boolean alone) {
    List<ConfigError> errors = new ArrayList<>();
    TenantConfig tenant = TenantFile.read(dir, errors);
    if (tenant == null) {
      errors.stream().sorted().forEach(e -> view.error(e.toString()));
      view.say("The tenant file is invalid; nothing was sent to the tenant.");
      return new TenantOutcome<>(nameOf(dir), null, null);
    }
    if (alone) {
      view.say("Tenant " + tenant.name() + " (" + tenant.tenantId() + "), layers "
          + String.join(" > ", tenant.layers().stream().map(l -> l.name()).toList()) + ".");
    }
    TenantEnvironment env = TenantEnvironment.of(tenant, fleet.env());
    Optional<String> refused = refusal(tenant, env);
    if (refused.isPresent()) {
      view.error(refused.get());
      return new TenantOutcome<>(tenant.name(), tenant.tenantId(), null);
    }
    GraphTarget graph;
    try {
      graph = graph(tenant);
    } catch (UserError e) {
      view.error(e.getMessage());
      return new TenantOutcome<>(tenant.name(), tenant.tenantId(), null);
    }
    O outcome = tenants.run(new TenantRequest(tenant, env.env(), fleet.desired().forTenant(tenant), graph), view);
    return new TenantOutcome<>(tenant.name(), tenant.tenantId(), outcome);
  }

  /** Why this tenant must not talk to Graph with the credentials it has, before anything is sent. */
  private Optional<String> refusal(TenantConfig tenant, TenantEnvironment env) {
    if (fleet.graph() == null || fleet.graph().sandbox()) {
      return Optional.empty();
    }
    if (!env.missing().isEmpty()) {
      return Optional.of("tenant.yaml's credentials name " + String.join(", ", env.missing())
          + ", which the environment does not set; nothing was sent");
    }
    return TokenTenantCheck.problem(env.env().get("RECONCILER_ACCESS_TOKEN"), tenant.tenantId());
  }

  /**
   * Where this tenant's Graph is: the command line's, with the tenant's sandbox state, or its cloud, tenant id and
   * graphUrl where the command line does not name them. Null for a command that does not talk to Graph.
   */
  private GraphTarget graph(TenantConfig tenant) {
    GraphTarget given = fleet.graph();
    if (given == null) {
      return null;
    }
    if (!given.sandbox()) {
      return given.forTenant(tenant);
    }
    Path state = sandboxState(tenant);
    // A temporary copy's path names a directory the user never sees: the heading names the tenant and its seed.
    boolean scratchCopy = state != null && state.startsWith(scratch);
    return given.withSandboxState(state, scratchCopy
        ? "the sandbox of " + tenant.name() + ", from " + tenant.sandboxSeed() : null);
  }

  /**
   * The sandbox state file of this tenant: --sandbox-state (with {tenant} filled in), else a temporary file when
   * tenant.yaml names a seed, else null (the demo tenant). A state file that does not exist yet starts as the seed:
   * a command that changes the tenant (apply) writes the seed there; any other leaves it alone and reads a temporary
   * copy.
   */
  private Path sandboxState(TenantConfig tenant) {
    Path given = fleet.graph().sandboxState();
    Path scratchCopy = scratch.resolve(tenant.name() + ".json");
    Path state = given != null ? Path.of(given.toString().replace("{tenant}", tenant.name()))
        : tenant.sandboxSeed() == null ? null : scratchCopy;
    if (state != null && tenant.sandboxSeed() != null && !Files.exists(state, LinkOption.NOFOLLOW_LINKS)) {
      if (!state.equals(scratchCopy) && fleet.purpose() != GraphSession.Purpose.APPLY) {
        state = scratchCopy; // only a run that changes the tenant writes its sandbox state file
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
