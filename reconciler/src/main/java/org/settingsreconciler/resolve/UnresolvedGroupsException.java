package org.settingsreconciler.resolve;

import java.util.List;
import org.settingsreconciler.load.ConfigError;

/**
 * Some group names could not be turned into ids: none or several groups have the name, or the directory could not
 * be read. Like an invalid desired state, it stops the run before any write; every problem is named at the place
 * the {@code {group: ...}} was written.
 */
public final class UnresolvedGroupsException extends RuntimeException {

  private final List<ConfigError> errors;

  public UnresolvedGroupsException(List<ConfigError> errors) {
    super(errors.size() + " group name(s) could not be resolved");
    this.errors = errors.stream().sorted().toList();
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
