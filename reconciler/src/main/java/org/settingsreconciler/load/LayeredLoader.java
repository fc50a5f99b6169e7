package org.settingsreconciler.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.vars.VariableSubstitution;
import org.settingsreconciler.vars.Variables;

/**
 * Loads a desired state built from layers: each layer is a directory of YAML (its top-level files, merged as for a
 * plain run), the layers are merged in order by {@link LayerMerger}, and the result is validated and built as one
 * desired state whose values know their layer. Every problem in every layer is reported at once.
 */
public final class LayeredLoader {

  /** One layer: a name for plans (its directory's name) and the directory. */
  public record Layer(String name, Path dir) {}

  private final Variables variables;

  public LayeredLoader(Variables variables) {
    this.variables = variables;
  }

  public DesiredState load(List<Layer> layers) throws ConfigException {
    SchemaValidator.preload(); // built while the files are read, on another thread
    List<ConfigError> errors = new ArrayList<>();
    LayerMerger merger = new LayerMerger(errors);
    boolean everyFileRead = true;
    for (Layer layer : layers) {
      List<LayerFile.Mark> marks = LayerFile.read(layer.dir(), errors);
      DocumentMerger files = new DocumentMerger(errors);
      List<Path> listed = files(layer, errors);
      everyFileRead &= listed != null;
      for (Path file : listed == null ? List.<Path>of() : listed) {
        YamlDocument doc = VariableSubstitution.apply(YamlDocumentReader.read(file, errors), variables, errors);
        everyFileRead &= doc != null && files.add(doc);
      }
      merger.add(layer.name(), files.tree(), files.sources(), marks);
    }
    return DesiredStateValidation.build(merger.tree(), merger.sources(), errors, everyFileRead, merger::originAt);
  }

  /** A layer may hold no settings of its own (a tenant that only takes its bases); null when it cannot be listed. */
  private static List<Path> files(Layer layer, List<ConfigError> errors) {
    try {
      return DesiredStateLoader.yamlFilesIn(layer.dir());
    } catch (IOException e) {
      errors.add(new ConfigError(new Location(layer.dir().toString(), 1, 1), null, "cannot list: " + e.getMessage()));
      return null;
    }
  }
}
