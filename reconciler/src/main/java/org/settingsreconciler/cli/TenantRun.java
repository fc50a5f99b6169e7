package org.settingsreconciler.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.settingsreconciler.files.AtomicFiles;
import org.settingsreconciler.files.UserFile;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.tenant.TenantConfig;
import org.settingsreconciler.tenant.TenantEnvironment;
import org.settingsreconciler.tenant.TenantFile;
import org.settingsreconciler.tenant.TokenTenantCheck;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command line for one tenant: reads its tenant.yaml, gives it its own environment (credentials), points
 * it at its own Graph (its cloud, graphUrl, or with --sandbox its own sandbox seeded from sandboxSeed), and runs the
 * same command line through {@link Main} with {@code {tenant}} in file names replaced by the tenant's name.
 */
final class TenantRun {

  private final CliContext ctx;
  private final String[] args;
  private final ParseResult leaf;
  private final Path scratch;

  TenantRun(CliContext ctx, String[] args, ParseResult leaf, Path scratch) {
    this.ctx = ctx;
    this.args = args;
    this.leaf = leaf;
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
    List<String> arguments;
    try {
      arguments = arguments(tenant);
    } catch (UserError e) {
      err.println("error: " + e.getMessage());
      return failed(tenant.name(), tenant.tenantId());
    }
    AtomicReference<Plan> plan = new AtomicReference<>();
    int exit = new Main(new CliContext(out, err, env.env(), terminal, alone, ctx.clock()),
        new TenantStrategy(tenant, plan::set))
        .run(arguments.toArray(String[]::new));
    return new TenantOutcome(tenant.name(), tenant.tenantId(), exit, "", "", TenantOutcome.Counts.of(plan.get()));
  }

  private static TenantOutcome failed(String name, String tenantId) {
    return new TenantOutcome(name, tenantId, ExitCode.ERROR, "", "", null);
  }

  /** Why this tenant must not talk to Graph with the credentials it has, before anything is sent. */
  private Optional<String> refusal(TenantConfig tenant, TenantEnvironment env) {
    if (!talksToGraph() || leaf.hasMatchedOption("--sandbox")) {
      return Optional.empty();
    }
    if (!env.missing().isEmpty()) {
      return Optional.of("tenant.yaml's credentials name " + String.join(", ", env.missing())
          + ", which the environment does not set; nothing was sent");
    }
    return TokenTenantCheck.problem(env.env().get("RECONCILER_ACCESS_TOKEN"), tenant.tenantId());
  }

  private boolean talksToGraph() {
    return leaf.commandSpec().mixins().containsKey("graph");
  }

  /** The command line for this tenant: the fleet's, with {tenant} filled in and the tenant's Graph added. */
  List<String> arguments(TenantConfig tenant) {
    List<String> out = new ArrayList<>();
    for (String a : args) {
      out.add(a.replace("{tenant}", tenant.name()));
    }
    if (!talksToGraph()) {
      return out;
    }
    CommandSpec spec = leaf.commandSpec();
    if (leaf.hasMatchedOption("--sandbox")) {
      Path state = sandboxState(tenant);
      if (state != null) {
        setOption(out, "--sandbox-state", state.toString());
      }
      return out;
    }
    // Sign-in options a build may have (--cloud, --tenant) get the tenant's values unless given.
    boolean hasCloud = spec.findOption("--cloud") != null;
    if (hasCloud && !leaf.hasMatchedOption("--cloud")) {
      out.addAll(List.of("--cloud", tenant.cloud()));
    }
    if (spec.findOption("--tenant") != null && !leaf.hasMatchedOption("--tenant")) {
      out.addAll(List.of("--tenant", tenant.tenantId()));
    }
    boolean ownRoot = tenant.graphUrl() != null || (!hasCloud && !tenant.cloud().equals("global"));
    if (ownRoot && !leaf.hasMatchedOption("--graph-url")) {
      out.addAll(List.of("--graph-url", tenant.graphRoot()));
    }
    return out;
  }

  /** Gives {@code option} the value {@code value} in {@code args}, adding it if it is not there. */
  private static void setOption(List<String> args, String option, String value) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(option) && i + 1 < args.size()) {
        args.set(i + 1, value);
        return;
      }
      if (args.get(i).startsWith(option + "=")) {
        args.set(i, option + "=" + value);
        return;
      }
    }
    args.addAll(List.of(option, value));
  }

  /**
   * The sandbox state file of this tenant: --sandbox-state (with {tenant} filled in), else a temporary file when
   * tenant.yaml names a seed, else null (the demo tenant). A state file that does not exist yet starts as the seed:
   * apply writes the seed there; any other command leaves it alone and reads a temporary copy.
   */
  private Path sandboxState(TenantConfig tenant) {
    Path given = leaf.hasMatchedOption("--sandbox-state") ? leaf.matchedOptionValue("--sandbox-state", (Path) null) : null;
    Path scratchCopy = scratch.resolve(tenant.name() + ".json");
    Path state = given != null ? Path.of(given.toString().replace("{tenant}", tenant.name()))
        : tenant.sandboxSeed() == null ? null : scratchCopy;
    if (state != null && tenant.sandboxSeed() != null && !Files.exists(state, LinkOption.NOFOLLOW_LINKS)) {
      if (!state.equals(scratchCopy) && !leaf.commandSpec().name().equals("apply")) {
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
