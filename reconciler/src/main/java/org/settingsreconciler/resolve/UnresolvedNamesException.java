package org.settingsreconciler.resolve;

import org.settingsreconciler.text.Plural;
import java.util.List;
import org.settingsreconciler.load.ConfigError;

/**
 * Some group or user names could not be turned into ids: no group, or several, has the name; no user has the principal
 * name. It stops the run before any setting is read or written; every problem is named at the place the
 * {@code {group: ...}} or {@code {user: ...}} was written. (A lookup that could not be made at all is a
 * {@link NameLookupException}.)
 */
public final class UnresolvedNamesException extends RuntimeException {

  private final List<ConfigError> errors;
  private final String noun;

  /** @param noun what the names are, as messages count them: "group name", "user principal name", "name" */
  public UnresolvedNamesException(List<ConfigError> errors, String noun) {
    super(Plural.count(errors.size(), noun) + " could not be resolved");
    this.errors = errors.stream().sorted().toList();
    this.noun = noun;
  }

  /** "1 group name", "2 names": how many names of what kind could not be resolved. */
  public String count() {
    return Plural.count(errors.size(), noun);
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
