package org.settingsreconciler.update;

import java.util.List;

/**
 * What {@code check --update-files} did.
 *
 * @param updated the files written, in load order
 * @param notUpdated drift that was left for a person to resolve, each with the reason
 */
public record UpdateResult(List<FileUpdate> updated, List<String> notUpdated) {

  public UpdateResult {
    updated = List.copyOf(updated);
    notUpdated = List.copyOf(notUpdated);
  }
}
