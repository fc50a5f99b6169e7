package org.settingsreconciler.load;

import org.settingsreconciler.text.Plural;
import java.util.List;

/** The desired state is invalid; nothing may be sent to the tenant. Carries every problem found, sorted. */
public final class ConfigException extends Exception {

  private final List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(Plural.count(errors.size(), "error") + " in the desired state");
    this.errors = errors.stream().sorted().toList();
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
