package org.settingsreconciler.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Named values for {@code ${var:NAME}}: a {@code --var-file} (a YAML mapping of NAME: value) or a tenant's
 * {@code variables:}. Values are scalars and are kept as text, the way they would be written in the YAML they
 * replace; their type is decided where they are used.
 */
public final class VarFile {

  private VarFile() {}

  /** Reads a var file; problems go to {@code errors}. */
  public static Map<String, String> read(Path path, List<ConfigError> errors) {
    YamlDocument doc = YamlDocumentReader.read(path, errors);
    if (doc == null || doc.tree() == null) {
      return Map.of();
    }
    return values(doc.tree(), "", doc.sources(), errors);
  }

  /** The NAME: value pairs of a mapping at {@code pointer}; problems go to {@code errors}. */
  public static Map<String, String> values(
      JsonNode mapping, String pointer, SourceMap sources, List<ConfigError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!mapping.isObject()) {
      errors.add(new ConfigError(sources.valueLocation(pointer), KeyAddress.of(pointer),
          "variables must be a mapping of NAME: value"));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : mapping.properties()) {
      String child = SourceMap.child(pointer, e.getKey());
      JsonNode v = e.getValue();
      if (!Variables.NAME.matcher(e.getKey()).matches()) {
        errors.add(new ConfigError(sources.keyLocation(child), KeyAddress.of(child),
            "'" + e.getKey() + "' is not a variable name: letters, digits and _, not starting with a digit"));
      } else if (v.isString() || v.isNumber() || v.isBoolean()) {
        out.put(e.getKey(), v.isString() ? v.asString() : v.toString());
      } else {
        errors.add(new ConfigError(sources.valueLocation(child), KeyAddress.of(child),
            "a variable's value must be a string, number or boolean"));
      }
    }
    return out;
  }
}
