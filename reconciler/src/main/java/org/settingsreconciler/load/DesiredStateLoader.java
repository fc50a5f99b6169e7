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
import org.settingsreconciler.vars.VariableSubstitution;
import org.settingsreconciler.vars.Variables;

/**
 * Loads the desired state from files and directories (a directory contributes its top-level {@code *.yaml} and
 * {@code *.yml} files, in name order; subdirectories are not read, so CI files and fixtures can live beside the
 * settings). Every problem in every file is reported at once; any problem means no state at all, so nothing is
 * ever sent for invalid input.
 */
public final class DesiredStateLoader {

  /** Names a tenant directory (see tenant.TenantFile): it is never read as settings. */
  public static final String TENANT_FILE = "tenant.yaml";

  /** A layer's own settings (see LayerFile): it is never read as settings. */
  public static final String LAYER_FILE = "layer.yaml";

  private static final java.util.Set<String> RESERVED = java.util.Set.of(TENANT_FILE, LAYER_FILE);

  private final Variables variables;

  /** A loader for YAML without variables: any {@code ${env:...}} or {@code ${var:...}} is unset. */
  public DesiredStateLoader() {
    this(Variables.none());
  }

  public DesiredStateLoader(Variables variables) {
    this.variables = variables;
  }

  public DesiredState load(List<Path> paths) throws ConfigException {
    SchemaValidator.preload(); // built while the files are read, on another thread
    List<ConfigError> errors = new ArrayList<>();
    List<Path> files = expand(paths, errors);
    boolean everyFileRead = errors.isEmpty();
    DocumentMerger merger = new DocumentMerger(errors);
    for (Path file : files) {
      YamlDocument doc = VariableSubstitution.apply(YamlDocumentReader.read(file, errors), variables, errors);
      everyFileRead &= doc != null && merger.add(doc);
    }
    return DesiredStateValidation.build(merger.tree(), merger.sources(), errors, everyFileRead, pointer -> null);
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
