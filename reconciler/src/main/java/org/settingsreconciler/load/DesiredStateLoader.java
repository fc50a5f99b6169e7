package org.settingsreconciler.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.load.VariableSubstitution;
import org.settingsreconciler.load.Variables;

/**
 * Loads the desired state: from files and directories (a directory contributes its top-level {@code *.yaml} and
 * {@code *.yml} files, in name order; subdirectories are not read, so CI files and fixtures can live beside the
 * settings), or from a tenant's layers. A plain run is a run of one layer without a name: both go through one
 * pipeline. Every problem in every file is reported at once; any problem means no state at all, so nothing is ever
 * sent for invalid input.
 */
public final class DesiredStateLoader {

  /** Names a tenant directory (see tenant.TenantFile): it is never read as settings. */
  public static final String TENANT_FILE = "tenant.yaml";

  /** A layer's own settings (see LayerFile): it is never read as settings. */
  public static final String LAYER_FILE = "layer.yaml";

  private static final java.util.Set<String> RESERVED = java.util.Set.of(TENANT_FILE, LAYER_FILE);

  /** One layer of a tenant: a name for plans (its directory's name) and the directory. */
  public record Layer(String name, Path dir) {}

  /** What one layer contributes: its files (null when its directory cannot be listed) and its layer.yaml marks. */
  private record LayerSource(String name, List<Path> files, List<LayerFile.Mark> marks) {}

  private final Variables variables;

  /** A loader for YAML without variables: any {@code ${env:...}} or {@code ${var:...}} is unset. */
  public DesiredStateLoader() {
    this(Variables.none());
  }

  public DesiredStateLoader(Variables variables) {
    this.variables = variables;
  }

  /** A plain run: one layer, without a name or marks, of the files and directories given. */
  public DesiredState load(List<Path> paths) throws ConfigException {
    SchemaValidator.preload(); // built while the files are read, on another thread
    List<ConfigError> errors = new ArrayList<>();
    List<Path> files = expand(paths, errors);
    boolean listed = errors.isEmpty();
    return load(List.of(new LayerSource(null, files, List.of())), errors, listed, false);
  }

  /**
   * A tenant's layers: each a directory of YAML (its top-level files, merged as for a plain run), merged in order
   * by {@link LayerMerger}, so that every value knows its layer and every override is one its base allows.
   */
  public DesiredState loadLayers(List<Layer> layers) throws ConfigException {
    SchemaValidator.preload();
    List<ConfigError> errors = new ArrayList<>();
    List<LayerSource> sources = new ArrayList<>();
    for (Layer layer : layers) {
      List<LayerFile.Mark> marks = LayerFile.read(layer.dir(), errors);
      sources.add(new LayerSource(layer.name(), filesOf(layer.dir(), errors), marks));
    }
    return load(sources, errors, true, true);
  }

  /** The one pipeline: read, substitute, merge each layer's files, merge the layers, validate, build. */
  private DesiredState load(List<LayerSource> layers, List<ConfigError> errors, boolean everyFileRead,
      boolean named) throws ConfigException {
    LayerMerger merger = new LayerMerger(errors);
    for (LayerSource layer : layers) {
      DocumentMerger files = new DocumentMerger(errors);
      everyFileRead &= layer.files() != null;
      for (Path file : layer.files() == null ? List.<Path>of() : layer.files()) {
        YamlDocument doc = VariableSubstitution.apply(YamlDocumentReader.read(file, errors), variables, errors);
        everyFileRead &= doc != null && files.add(doc);
      }
      merger.add(layer.name(), files.tree(), files.sources(), layer.marks());
    }
    return DesiredStateValidation.build(merger.tree(), merger.sources(), errors, everyFileRead,
        named ? merger::originAt : pointer -> null);
  }

  /** A layer may hold no settings of its own (a tenant that only takes its bases); null when it cannot be listed. */
  private static List<Path> filesOf(Path dir, List<ConfigError> errors) {
    try {
      return yamlFilesIn(dir);
    } catch (IOException e) {
      errors.add(new ConfigError(new Location(dir.toString(), 1, 1), null, "cannot list: " + e.getMessage()));
      return null;
    }
  }

  /** The files {@link #load} reads for {@code paths}, in the order it merges them; problems go to {@code errors}. */
  public static List<Path> expand(List<Path> paths, List<ConfigError> errors) {
    List<Path> files = new ArrayList<>();
    if (paths.isEmpty()) {
      errors.add(new ConfigError(null, null, "no desired-state files given"));
    }
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try {
          List<Path> found = yamlFilesIn(path);
          if (found.isEmpty()) {
            errors.add(new ConfigError(new Location(path.toString(), 1, 1), null, "no *.yaml or *.yml files here"));
          }
          files.addAll(found);
        } catch (IOException e) {
          errors.add(new ConfigError(new Location(path.toString(), 1, 1), null, "cannot list: " + e.getMessage()));
        }
      } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        files.add(path); // a regular file; anything else (a pipe, a device) is refused by name when it is read
      } else {
        errors.add(new ConfigError(new Location(path.toString(), 1, 1), null, "no such file or directory"));
      }
    }
    return files.stream().distinct().toList();
  }

  /**
   * The desired-state files of a directory: its top-level {@code *.yaml} and {@code *.yml}, in name order, without
   * {@value #TENANT_FILE} and {@value #LAYER_FILE}, which describe the directory rather than settings.
   */
  static List<Path> yamlFilesIn(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      // Not only regular files: a pipe or device named *.yaml is refused when read, rather than skipped in silence.
      return list.filter(p -> !Files.isDirectory(p))
          .filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml"))
          .filter(p -> !RESERVED.contains(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }
}
