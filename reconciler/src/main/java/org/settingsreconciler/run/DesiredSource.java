package org.settingsreconciler.run;

import org.settingsreconciler.text.Plural;
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
import org.settingsreconciler.load.DocumentedValueWarnings;
import org.settingsreconciler.load.GroupIdWarnings;
import org.settingsreconciler.load.VarFile;
import org.settingsreconciler.load.Variables;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.tenant.TenantConfig;

/**
 * Where one run's desired state comes from: the PATHs of the command line, or a tenant's layers in a fleet; and the
 * variables it uses. Loading prints every error at once.
 *
 * @param paths the PATHs; for a tenant, its own directory (which {@code check --update-files} rewrites)
 * @param tenant the tenant whose layers are loaded instead of the paths, or null for a plain run
 * @param vars the {@code --var NAME=VALUE}s
 * @param varFiles the {@code --var-file}s
 */
public record DesiredSource(List<Path> paths, TenantConfig tenant, List<String> vars, List<Path> varFiles) {

  /** The same run for one tenant of a fleet: its layers, its own directory, its variables. */
  public DesiredSource forTenant(TenantConfig t) {
    // {tenant} in a variable or a var file's name is the tenant's name, as in every file a fleet names.
    return new DesiredSource(List.of(t.dir()), t,
        vars.stream().map(v -> v.replace("{tenant}", t.name())).toList(),
        varFiles.stream().map(f -> Path.of(f.toString().replace("{tenant}", t.name()))).toList());
  }

  /**
   * The files this run reads its desired state and variables from (a tenant's layers, or the PATHs), which no output
   * may replace; with {@code more} files the command reads too.
   */
  public List<Path> inputFiles(Path... more) {
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

  /** Loads and validates; on any problem tells the view every error and returns null. */
  public DesiredState load(RunContext ctx) {
    try {
      DesiredState state = loadOrThrow(ctx);
      GroupIdWarnings.in(state).forEach(w -> ctx.view().warning(w.toString()));
      DocumentedValueWarnings.in(state).forEach(w -> ctx.view().warning(w.toString()));
      return state;
    } catch (ConfigException e) {
      tellErrors(ctx.view(), e);
      return null;
    }
  }

  /** Loads and validates the paths, or the tenant's layers, with this run's variables. */
  public DesiredState loadOrThrow(RunContext ctx) throws ConfigException {
    if (tenant != null) {
      return new DesiredStateLoader(variables(ctx, tenant.variables())).loadLayers(tenant.layers());
    }
    return new DesiredStateLoader(variables(ctx, Map.of())).load(paths);
  }

  /**
   * The variables of this run: the environment, then {@code defaults} (a tenant's own), the var files in order and
   * the {@code --var}s, each winning over the ones before.
   */
  private Variables variables(RunContext ctx, Map<String, String> defaults) throws ConfigException {
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
    return new Variables(ctx.env(), values, ctx.secrets());
  }

  /** Every error of a desired state that failed to load; loading comes before any request, so nothing was sent. */
  static void tellErrors(RunView view, ConfigException e) {
    tellEach(view, e);
    view.say("The desired state is invalid (" + count(e) + "); nothing was sent to the tenant.");
  }

  static void tellEach(RunView view, ConfigException e) {
    for (ConfigError error : e.errors()) {
      view.error(error.toString());
    }
  }

  static String count(ConfigException e) {
    return Plural.count(e.errors().size(), "error");
  }
}
