package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.ValueOrigin;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks of a merged desired state once its files are read: the schema, then what the builder checks. They run
 * even when reading found problems, so every problem of every file shows at once: a syntax error in one file must
 * not hide a misspelt key in another. Two rules keep the extra errors true. While a file could not be read, a
 * missing required key is not reported (it may be in that file), nor is a prune entry whose collection no file
 * read sets. And a place that has an error already gets no second one (an unset variable is not also "must be a
 * boolean").
 */
final class DesiredStateValidation {

  private DesiredStateValidation() {}

  /**
   * The desired state, or every problem found in it.
   *
   * @param found the problems found while reading and merging the files
   * @param everyFileRead whether every file was read into {@code tree}; false when one is missing or unreadable
   */
  static DesiredState build(ObjectNode tree, SourceMap sources, List<ConfigError> found, boolean everyFileRead,
      Function<String, ValueOrigin> origins) throws ConfigException {
    List<ConfigError> errors = new ArrayList<>(found);
    for (ConfigError e : new SchemaValidator().validate(tree, sources)) {
      boolean mayBeInAnUnreadFile = !everyFileRead && SchemaValidator.isMissingKey(e);
      if (!mayBeInAnUnreadFile && !hasErrorAlready(e, found)) {
        errors.add(e);
      }
    }
    List<ConfigError> builderErrors = new ArrayList<>();
    DesiredState state = new DesiredStateBuilder(tree, sources, builderErrors, origins, everyFileRead).build();
    List<ConfigError> before = List.copyOf(errors);
    builderErrors.stream().filter(e -> !hasErrorAlready(e, before)).forEach(errors::add);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return state;
  }

  /** Whether an error was found already at the key of {@code e}, or at a key that holds it. */
  private static boolean hasErrorAlready(ConfigError e, List<ConfigError> found) {
    if (e.key() == null || e.key().isEmpty()) {
      return false;
    }
    for (ConfigError f : found) {
      String k = f.key();
      if (k != null && !k.isEmpty()
          && (e.key().equals(k) || e.key().startsWith(k + ".") || e.key().startsWith(k + "["))) {
        return true;
      }
    }
    return false;
  }
}
