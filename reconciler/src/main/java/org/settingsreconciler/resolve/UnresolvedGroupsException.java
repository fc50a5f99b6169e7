package org.settingsreconciler.resolve;

import java.util.List;
import org.settingsreconciler.load.ConfigError;

/**
 * Some group names could not be turned into ids: none or several groups have the name. It stops the run before any
 * setting is read or written; every problem is named at the place the {@code {group: ...}} was written. (A lookup
 * that could not be made at all is a {@link GroupLookupException}.)
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
