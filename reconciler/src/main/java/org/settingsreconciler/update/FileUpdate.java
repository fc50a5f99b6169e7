package org.settingsreconciler.update;

import java.nio.file.Path;
import java.util.List;

/**
 * One file rewritten to match the tenant.
 *
 * @param settings what changed in it, one line each: {@code people.pronouns: isEnabledInOrganization}
 */
public record FileUpdate(Path file, List<String> settings) {

  public FileUpdate {
    settings = List.copyOf(settings);
  }
}
