package org.settingsreconciler.plan;

import org.settingsreconciler.text.Plural;
import java.util.List;
import org.settingsreconciler.load.ConfigError;

/**
 * Values of the desired state name items that will not exist (see {@link Dependencies}): a precedence list names a
 * profile source neither the YAML nor the tenant has, or one pruning deletes. It stops the run before anything is
 * written; every problem is named where it is written.
 */
public final class UnresolvedReferencesException extends RuntimeException {

  private final List<ConfigError> errors;

  public UnresolvedReferencesException(List<ConfigError> errors) {
    super(Plural.count(errors.size(), "reference") + " " + Plural.pick(errors.size(), "names", "name") + " nothing");
    this.errors = errors.stream().sorted().toList();
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
