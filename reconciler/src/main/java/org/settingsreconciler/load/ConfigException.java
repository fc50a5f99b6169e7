package org.settingsreconciler.load;

import java.util.List;

/** The desired state is invalid; nothing may be sent to the tenant. Carries every problem found, sorted. */
public final class ConfigException extends Exception {

  private final List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(errors.size() + " error(s) in the desired state");
    this.errors = errors.stream().sorted().toList();
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
