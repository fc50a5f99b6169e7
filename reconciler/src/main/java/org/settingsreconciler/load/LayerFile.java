package org.settingsreconciler.load;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.Location;
import tools.jackson.databind.JsonNode;

/**
 * A layer's {@value DesiredStateLoader#LAYER_FILE}: the key paths its settings let later layers override. A layer
 * without one lets nothing be overridden, so every override in a fleet is one a base agreed to.
 */
final class LayerFile {

  /** One {@code overridable} entry: the JSON Pointer it names, as written, and where. */
  record Mark(String pointer, String written, Location at) {
    /** Whether overriding {@code other} is allowed by this mark: it is the marked key or lies below it. */
    boolean covers(String other) {
      return other.equals(pointer) || other.startsWith(pointer + "/");
    }
  }

  private LayerFile() {}

  /** The marks of the layer in {@code dir}, none when it has no layer file; problems go to {@code errors}. */
  static List<Mark> read(Path dir, List<ConfigError> errors) {
    Path file = dir.resolve(DesiredStateLoader.LAYER_FILE);
    List<Mark> marks = new ArrayList<>();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return marks; // one that is there but not a regular file is refused when it is read
    }
    YamlDocument doc = YamlDocumentReader.read(file, errors);
    if (doc == null || doc.tree() == null) {
      return marks;
    }
    List<ConfigError> invalid = SchemaValidator.forSchema("layer.schema.json").validate(doc.tree(), doc.sources());
    if (!invalid.isEmpty()) {
      errors.addAll(invalid);
      return marks;
    }
    JsonNode list = doc.tree().path("overridable");
    for (int i = 0; i < list.size(); i++) {
      String written = list.get(i).asString();
      String at = SourceMap.child("/overridable", i);
      try {
        marks.add(new Mark(KeyPath.toPointer(written), written, doc.sources().valueLocation(at)));
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError(doc.sources().valueLocation(at), KeyAddress.of(at),
            "'" + written + "' is not a key path: " + e.getMessage()));
      }
    }
    return marks;
  }
}
