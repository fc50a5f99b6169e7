package org.settingsreconciler.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.ConfigException;
import org.settingsreconciler.load.DesiredStateLoader;
import org.settingsreconciler.load.GroupIdWarnings;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.tenant.TenantConfig;
import org.settingsreconciler.secrets.Secrets;
import org.settingsreconciler.load.VarFile;
import org.settingsreconciler.load.Variables;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The desired-state files and directories a command reads, the variables they use, and how errors are shown. */
final class DesiredStateArgs {

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Desired-state YAML files, or directories whose top-level *.yaml/*.yml files are merged.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "Set $${var:NAME} in the YAML (repeatable; wins over --var-file).")
  List<String> vars = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "FILE",
      description = "Read $${var:NAME} values from a YAML mapping of NAME: value (repeatable; later files win).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--parallel-tenants", paramLabel = "N", defaultValue = "4", converter = Range.ParallelTenants.class,
      description = "With tenant directories: run at most N tenants at once, 1 to 64 (default: ${DEFAULT-VALUE}).")
  int parallelTenants;

  /** Set in fleet mode (see FleetStrategy): the tenant whose layers are loaded instead of {@link #paths}. */
  TenantConfig tenant;

  /**
   * The files this run reads its desired state and variables from (a tenant's layers, or the PATHs), which no output
   * may replace; with {@code more} files the command reads too.
   */
  List<Path> inputFiles(Path... more) {
    List<Path> dirsOrFiles = tenant != null ? tenant.layers().stream().map(DesiredStateLoader.Layer::dir).toList() : paths;
    List<Path> files = new ArrayList<>(DesiredStateLoader.expand(dirsOrFiles, new ArrayList<>()));
    for (Path dir : dirsOrFiles) {
      for (String described : List.of(DesiredStateLoader.TENANT_FILE, DesiredStateLoader.LAYER_FILE)) {
        if (Files.isDirectory(dir) && Files.exists(dir.resolve(described))) {
          files.add(dir.resolve(described));
        }
      }
    }
    if (tenant != null) {
      files.add(tenant.sandboxSeed());
    }
    files.addAll(varFiles);
    files.addAll(Arrays.asList(more));
    return files;
  }

  /** Loads and validates; on any problem prints every error and returns null. */
  DesiredState load(CliContext ctx) {
    try {
      DesiredState state = loadOrThrow(ctx);
      GroupIdWarnings.in(state).forEach(w -> ctx.err().println("warning: " + w));
      return state;
    } catch (ConfigException e) {
      printErrors(ctx, e);
      return null;
    }
  }

  /** Loads and validates the paths, or the tenant's layers, with this run's variables. */
  DesiredState loadOrThrow(CliContext ctx) throws ConfigException {
    if (tenant != null) {
      return new DesiredStateLoader(variables(ctx, tenant.variables())).loadLayers(tenant.layers());
    }
    return new DesiredStateLoader(variables(ctx, Map.of())).load(paths);
  }

  /**
   * The variables of this run: the environment, then {@code defaults} (a tenant's own), the var files in order and
   * the {@code --var}s, each winning over the ones before.
   */
  Variables variables(CliContext ctx, Map<String, String> defaults) throws ConfigException {
    List<ConfigError> errors = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>(defaults);
    for (Path file : varFiles) {
      values.putAll(VarFile.read(file, errors));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    for (String v : vars) {
      int eq = v.indexOf('=');
      String name = eq < 0 ? v : v.substring(0, eq);
      if (eq < 0 || !Variables.NAME.matcher(name).matches()) {
        throw new UserError("--var takes NAME=VALUE, where NAME is letters, digits and _: " + name);
      }
      values.put(name, v.substring(eq + 1));
    }
    return new Variables(ctx.env(), values, Secrets.of(ctx.out()));
  }

  /** Every error of a desired state that failed to load; loading comes before any request, so nothing was sent. */
  static void printErrors(CliContext ctx, ConfigException e) {
    printEach(ctx, e);
    ctx.err().println("The desired state is invalid (" + count(e) + "); nothing was sent to the tenant.");
  }

  static void printEach(CliContext ctx, ConfigException e) {
    for (ConfigError error : e.errors()) {
      ctx.err().println("error: " + error);
    }
  }

  static String count(ConfigException e) {
    return e.errors().size() == 1 ? "1 error" : e.errors().size() + " errors";
  }
}
